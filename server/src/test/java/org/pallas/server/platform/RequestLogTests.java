package org.pallas.server.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pallas.server.PallasTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The request log names method, path and status, and never a password, token or Authorization header. */
@PallasTest
@ExtendWith(OutputCaptureExtension.class)
class RequestLogTests {

    @LocalServerPort
    int port;

    @Test
    void logsRequestsWithoutSecrets(CapturedOutput output) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String password = "pallas-demo-2026";
        String body = http.send(
                        HttpRequest.newBuilder(
                                        URI.create("http://localhost:" + port + "/api/v1/tokens?password=" + password))
                                .header("Content-Type", "application/json")
                                .POST(BodyPublishers.ofString(
                                        "{\"username\":\"auditor\",\"password\":\"" + password + "\"}"))
                                .build(),
                        BodyHandlers.ofString())
                .body();
        String token = body.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
        assertThat(token).startsWith("pallas_");
        int status = http.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/me"))
                                .header("Authorization", "Bearer " + token)
                                .build(),
                        BodyHandlers.ofString())
                .statusCode();
        assertThat(status).isEqualTo(200);

        assertThat(output.getOut())
                .contains("POST /api/v1/tokens 201")
                .containsPattern("GET /api/v1/me 200 \\d+ms user=[0-9a-f-]{36}");
        assertThat(output.getAll())
                .doesNotContain(password)
                .doesNotContain(token)
                .doesNotContain("Bearer ")
                .doesNotContain(token.substring(7, 30));
    }
}
