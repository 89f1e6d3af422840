package ru.utility.ledger.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import ru.utility.ledger.api.LedgerApplication;
import ru.utility.ledger.api.support.Api;

/**
 * With spring.datasource.url the ledger uses that server, starts nothing embedded, and has no demo users:
 * only the configured users, by bcrypt hash.
 */
class ExternalDatabaseModeTest {

    @Test
    void usesTheConfiguredServerAndOnlyConfiguredUsers() throws Exception {
        try (EmbeddedPostgres external = EmbeddedPostgres.builder().start()) {
            String url = "jdbc:postgresql://127.0.0.1:" + external.getPort() + "/postgres";
            String hash = new BCryptPasswordEncoder(10).encode("s3cret-Pass");
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(LedgerApplication.class).run(
                    "--server.port=0",
                    "--spring.datasource.url=" + url,
                    "--spring.datasource.username=postgres",
                    "--spring.datasource.password=",
                    "--ledger.security.users[0].name=olga",
                    "--ledger.security.users[0].password-hash=" + hash,
                    "--ledger.security.users[0].roles=OPERATOR,FINANCE",
                    "--logging.level.org.axonframework=WARN")) {
                assertThat(app.getEnvironment().getProperty(EmbeddedPostgresEnvironmentPostProcessor.ACTIVE_PROPERTY))
                        .isNull();
                int port = ((WebServerApplicationContext) app).getWebServer().getPort();

                Api demo = new Api(port);
                assertThat(demo.post("/api/v1/accounts", "operator", """
                        {"accountId": "EXT-0001", "holderName": "External", "regionCode": "55"}""").status())
                        .isEqualTo(401);

                HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/api/v1/accounts"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Basic " + Base64.getEncoder()
                                .encodeToString("olga:s3cret-Pass".getBytes(StandardCharsets.UTF_8)))
                        .POST(HttpRequest.BodyPublishers.ofString("""
                                {"accountId": "EXT-0001", "holderName": "External", "regionCode": "55"}"""))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            }
            try (var connection = external.getPostgresDatabase().getConnection();
                 var rs = connection.createStatement().executeQuery(
                         "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = 'EXT-0001'")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
        }
    }
}
