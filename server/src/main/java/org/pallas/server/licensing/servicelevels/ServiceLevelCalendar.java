package org.pallas.server.licensing.servicelevels;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.pallas.licensing.WorkingCalendar;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The holiday calendar the service-level clock runs on: England and Wales bank holidays unless
 * {@code pallas.licensing.holidays} names a {@code date,title} CSV file (see docs/licensing.md).
 */
@Configuration(proxyBeanMethods = false)
class ServiceLevelCalendar {

    @Bean
    WorkingCalendar licensingWorkingCalendar(@Value("${pallas.licensing.holidays:}") String file) throws IOException {
        if (file == null || file.isBlank()) {
            return WorkingCalendar.englandAndWales();
        }
        try (Reader csv = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
            return WorkingCalendar.parse(Path.of(file).getFileName().toString(), csv, file);
        }
    }
}
