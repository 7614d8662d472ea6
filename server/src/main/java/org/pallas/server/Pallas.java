package org.pallas.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Pallas: oversight of the commercial cyber intrusion market. */
@SpringBootApplication
@EnableScheduling
@Modulithic(systemName = "Pallas", sharedModules = "platform")
public class Pallas {

    public static void main(String[] args) {
        SpringApplication.run(Pallas.class, args);
    }
}
