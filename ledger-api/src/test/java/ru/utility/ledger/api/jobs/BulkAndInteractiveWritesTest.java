package ru.utility.ledger.api.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;

import ru.utility.ledger.api.support.Api;
import ru.utility.ledger.api.support.LedgerIntegrationTest;
import ru.utility.ledger.api.support.TestDates;
import ru.utility.ledger.api.support.Uploads;

/**
 * The bulk path and the interactive path write the same accounts at the same time: a registry whose chunks
 * span every account is imported while interactive payments arrive for those accounts. Nothing is lost or
 * counted twice, every account's sequence has no gap or fork (its hash chain verifies), and the balances
 * add up to both sources together, which they could not if either path had decided on stale cached state.
 */
@LedgerIntegrationTest
class BulkAndInteractiveWritesTest {

    private static final int ACCOUNTS = 8;
    private static final int REGISTRY_PAYMENTS_PER_ACCOUNT = 60;
    private static final int INTERACTIVE_THREADS = 4;
    private static final int INTERACTIVE_PER_THREAD = 25;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void registryChunksAndInteractivePaymentsOnTheSameAccountsAddUp() throws Exception {
        Api api = new Api(port);
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            accounts.add(Uploads.open(api));
        }
        String today = TestDates.today().toString();
        StringBuilder registry = new StringBuilder();
        for (int n = 0; n < REGISTRY_PAYMENTS_PER_ACCOUNT; n++) {
            for (String account : accounts) {
                registry.append("MIX-").append(account).append('-').append(n).append(';').append(account)
                        .append(";1,00;").append(today).append(";Payer\n");
            }
        }
        int lines = ACCOUNTS * REGISTRY_PAYMENTS_PER_ACCOUNT;
        registry.append("=;").append(lines).append(';').append(lines).append(",00\n");

        Map<String, AtomicInteger> interactive = new ConcurrentHashMap<>();
        accounts.forEach(a -> interactive.put(a, new AtomicInteger()));
        ExecutorService clients = Executors.newFixedThreadPool(INTERACTIVE_THREADS);
        try {
            var upload = Uploads.upload(port, "/api/v1/payment-registries",
                    registry.toString().getBytes(StandardCharsets.UTF_8), "text/csv");
            assertThat(upload.statusCode()).as(upload.body()).isEqualTo(202);
            List<Future<?>> sent = new ArrayList<>();
            for (int t = 0; t < INTERACTIVE_THREADS; t++) {
                int thread = t;
                sent.add(clients.submit(() -> {
                    for (int i = 0; i < INTERACTIVE_PER_THREAD; i++) {
                        String account = accounts.get((thread + i) % ACCOUNTS);
                        Api.Response paid = api.post("/api/v1/accounts/" + account + "/payments", "operator", """
                                {"paymentId": "WEB-%d-%d", "amount": "2.00", "channel": "WEB_CABINET", "receivedOn": "%s"}"""
                                .formatted(thread, i, today));
                        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
                        interactive.get(account).incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> future : sent) {
                future.get();
            }
            JsonNode job = Uploads.awaitCompleted(api, upload.headers().firstValue("Location").orElseThrow());
            assertThat(job.get("linesDone").asInt()).isEqualTo(lines);
            assertThat(job.get("linesFailed").asInt()).isZero();
        } finally {
            clients.shutdownNow();
        }

        for (String account : accounts) {
            int web = interactive.get(account).get();
            long kopecks = REGISTRY_PAYMENTS_PER_ACCOUNT * 100L + web * 200L;
            Uploads.awaitBalance(api, account, "-%d.%02d".formatted(kopecks / 100, kopecks % 100));
            Integer payments = jdbc.queryForObject("""
                    SELECT count(*) FROM domain_event_entry
                     WHERE aggregate_identifier = ? AND payload_type LIKE '%PaymentRecorded'""", Integer.class, account);
            assertThat(payments).as(account).isEqualTo(REGISTRY_PAYMENTS_PER_ACCOUNT + web);
            JsonNode integrity = api.get("/api/v1/accounts/" + account + "/integrity", "auditor").json();
            assertThat(integrity.get("valid").asBoolean()).as(integrity.toString()).isTrue();
        }
    }
}
