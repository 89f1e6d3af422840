package ru.utility.ledger.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;

import ru.utility.ledger.api.LedgerApplication;
import ru.utility.ledger.api.support.TestDates;
import ru.utility.ledger.api.support.Api;
import ru.utility.ledger.api.support.SseClient;
import ru.utility.ledger.api.support.Uploads;

/**
 * The acceptance scenario: a consumer tails payment events over SSE while a registry is imported,
 * and the ledger is restarted in the middle of the import. Afterwards every payment is recorded exactly
 * once, and the consumer (resuming with Last-Event-ID) has seen each one, in account order, repeats only
 * as the same event id.
 */
class RegistryImportRestartTest {

    private static final int ACCOUNTS = 25;
    private static final int PAYMENTS_PER_ACCOUNT = 120;
    private static final int CHUNK = 100;
    private static final Duration WAIT = Duration.ofSeconds(120);

    @TempDir
    Path temp;

    @Test
    void aRestartMidImportLosesAndDuplicatesNothing() throws Exception {
        Path dataDirectory = temp.resolve("postgres");
        int total = ACCOUNTS * PAYMENTS_PER_ACCOUNT;
        List<String> accounts = new ArrayList<>();
        List<SseClient.Event> seen = new ArrayList<>();
        String jobLocation;
        ConfigurableApplicationContext first = start(dataDirectory);
        try (SseClient stream = new SseClient(port(first), "/api/v1/feed/stream?types=PaymentRecorded",
                "integration", null)) {
            Api api = new Api(port(first));
            for (int i = 0; i < ACCOUNTS; i++) {
                accounts.add(Uploads.open(api));
            }
            assertThat(stream.status()).isEqualTo(200);
            var upload = Uploads.upload(port(first), "/api/v1/payment-registries", registry(accounts), "text/csv");
            assertThat(upload.statusCode()).as(upload.body()).isEqualTo(202);
            jobLocation = upload.headers().firstValue("Location").orElseThrow();
            JsonNode midway = await().atMost(WAIT).pollInterval(Duration.ofMillis(20))
                    .until(() -> api.get(jobLocation, "operator").json(), job -> job.get("linesDone").asInt() >= CHUNK);
            assertThat(midway.get("linesDone").asInt()).as("restarting in the middle").isLessThan(total - CHUNK);
            seen.add(stream.next(WAIT));

            // The open stream must not hold up the shutdown (graceful shutdown waits up to 30 s for requests).
            long closing = System.nanoTime();
            first.close();
            assertThat(Duration.ofNanos(System.nanoTime() - closing)).isLessThan(Duration.ofSeconds(25));
            seen.addAll(stream.drain());
        } finally {
            first.close();
        }
        EmbeddedPostgresServer.stop(dataDirectory);

        try (ConfigurableApplicationContext second = start(dataDirectory)) {
            Api api = new Api(port(second));
            JsonNode job = Uploads.awaitCompleted(api, jobLocation);
            assertThat(job.get("linesDone").asInt()).isEqualTo(total);
            assertThat(job.get("linesFailed").asInt()).isZero();

            String lastId = seen.getLast().id();
            try (SseClient resumed = new SseClient(port(second), "/api/v1/feed/stream?types=PaymentRecorded",
                    "integration", lastId)) {
                Map<String, String> paymentByEventId = new HashMap<>();
                seen.forEach(e -> paymentByEventId.put(e.json().get("eventId").asText(), paymentId(e)));
                while (paymentByEventId.size() < total) {
                    SseClient.Event event = resumed.next(WAIT);
                    seen.add(event);
                    String previous = paymentByEventId.putIfAbsent(event.json().get("eventId").asText(), paymentId(event));
                    assertThat(previous).as("a repeat is the same event").isIn(null, paymentId(event));
                }
            }

            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            Integer stored = jdbc.queryForObject(
                    "SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%PaymentRecorded'", Integer.class);
            assertThat(stored).isEqualTo(total);
            for (String account : accounts) {
                Uploads.awaitBalance(api, account, "-" + PAYMENTS_PER_ACCOUNT + ".00");
            }
        } finally {
            EmbeddedPostgresServer.stop(dataDirectory);
        }

        assertThat(seen.stream().map(RegistryImportRestartTest::paymentId).distinct()).hasSize(total);
        Map<String, List<Long>> sequencesByAccount = new LinkedHashMap<>();
        Map<String, Boolean> firstSighting = new HashMap<>();
        for (SseClient.Event event : seen) {
            JsonNode json = event.json();
            if (firstSighting.putIfAbsent(json.get("eventId").asText(), true) == null) {
                sequencesByAccount.computeIfAbsent(json.get("accountId").asText(), a -> new ArrayList<>())
                        .add(json.get("accountSequence").asLong());
            }
        }
        assertThat(sequencesByAccount).hasSize(ACCOUNTS);
        sequencesByAccount.forEach((account, sequences) -> assertThat(sequences).as(account).isSorted()
                .hasSize(PAYMENTS_PER_ACCOUNT));
    }

    private static String paymentId(SseClient.Event event) {
        return event.json().get("data").get("paymentId").asText();
    }

    /** Payments interleaved across accounts, so every chunk spans many accounts; control line last. */
    private static byte[] registry(List<String> accounts) {
        StringBuilder file = new StringBuilder();
        for (int n = 0; n < PAYMENTS_PER_ACCOUNT; n++) {
            for (String account : accounts) {
                file.append("BANK-").append(account).append('-').append(n).append(';').append(account)
                        .append(";1,00;").append(TestDates.today()).append(";Payer\n");
            }
        }
        file.append("=;").append(accounts.size() * PAYMENTS_PER_ACCOUNT).append(';')
                .append(accounts.size() * PAYMENTS_PER_ACCOUNT).append(",00\n");
        return file.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static ConfigurableApplicationContext start(Path dataDirectory) {
        return new SpringApplicationBuilder(LedgerApplication.class).run(
                "--server.port=0",
                "--ledger.embedded-postgres.data-directory=" + dataDirectory,
                "--ledger.embedded-postgres.durable=false",
                "--ledger.jobs.chunk-size=" + CHUNK,
                "--ledger.feed.poll-interval=50ms",
                "--axon.eventhandling.processors.balances.token-claim-interval=200",
                "--axon.eventhandling.processors.feed.token-claim-interval=200",
                "--logging.level.org.axonframework=WARN");
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
