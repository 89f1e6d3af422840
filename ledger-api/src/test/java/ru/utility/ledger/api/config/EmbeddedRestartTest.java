package ru.utility.ledger.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import ru.utility.ledger.api.LedgerApplication;
import ru.utility.ledger.api.support.Api;

/** The embedded default keeps its data across a restart of the application and of PostgreSQL itself. */
class EmbeddedRestartTest {

    @TempDir
    Path temp;

    @Test
    void dataSurvivesARestart() {
        Path dataDirectory = temp.resolve("postgres");
        String account = Api.newAccountId();

        try (ConfigurableApplicationContext first = start(dataDirectory)) {
            Api api = new Api(port(first));
            assertThat(api.post("/api/v1/accounts", "operator", """
                    {"accountId": "%s", "holderName": "Durable", "regionCode": "16"}""".formatted(account))
                    .status()).isEqualTo(201);
            assertThat(first.getBean(JdbcTemplate.class).queryForObject("SHOW fsync", String.class)).isEqualTo("on");
            assertThat(first.getBean(JdbcTemplate.class).queryForObject("SHOW synchronous_commit", String.class))
                    .isEqualTo("on");
        }
        EmbeddedPostgresServer.stop(dataDirectory);

        try (ConfigurableApplicationContext second = start(dataDirectory)) {
            Api api = new Api(port(second));
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> api.get("/api/v1/accounts/" + account, "finance").status() == 200);
            assertThat(api.post("/api/v1/accounts", "operator", """
                    {"accountId": "%s", "holderName": "Durable", "regionCode": "16"}""".formatted(account))
                    .status()).isEqualTo(409);
        } finally {
            EmbeddedPostgresServer.stop(dataDirectory);
        }
    }

    private static ConfigurableApplicationContext start(Path dataDirectory) {
        return new SpringApplicationBuilder(LedgerApplication.class).run(
                "--server.port=0",
                "--ledger.embedded-postgres.data-directory=" + dataDirectory,
                "--axon.eventhandling.processors.balances.token-claim-interval=200",
                "--logging.level.org.axonframework=WARN");
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
