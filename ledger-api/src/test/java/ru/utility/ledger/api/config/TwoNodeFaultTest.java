package ru.utility.ledger.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.Set;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

import tools.jackson.databind.JsonNode;

import ru.utility.ledger.api.support.Api;
import ru.utility.ledger.api.support.LedgerNode;
import ru.utility.ledger.api.support.PostgresRestarts;
import ru.utility.ledger.api.support.PostgresRestarts.Mode;

/**
 * Two ledger nodes (two application contexts, each with its own web server, pool, aggregate cache and event
 * processors) on one durable embedded PostgreSQL, as in a deployment behind a load balancer. With fixed seeds:
 * payments to the same accounts through both nodes at once; the same payment sent to both at once; PostgreSQL
 * restarted under load; a node killed under load while clients re-send what went unanswered to the other.
 * After each: every acknowledged payment is stored exactly once, balances are exact, sequences dense, the feed
 * dense and in order per account, the hash chains whole; after the kill the survivor has claimed every
 * processor segment. Figures are printed for docs/operating/reliability.md.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodeFaultTest {

    private static final int ACCOUNTS = 6;
    private static final int CLIENTS = 6;
    private static final Duration NO_ANSWER = Duration.ofMillis(1500);
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    private Path dataDirectory;
    private LedgerNode a;
    private LedgerNode b;
    private final List<String> accounts = new ArrayList<>();
    /** Per account, what its balance must be: the opening charge less every payment stored so far. */
    private final Map<String, Long> expected = new LinkedHashMap<>();
    private final Set<String> counted = new HashSet<>();
    private final List<String> figures = new ArrayList<>();
    private String period;

    record Payment(String account, String id, long kopecks) {
        String path() {
            return "/api/v1/accounts/" + account + "/payments";
        }

        String json() {
            return """
                    {"paymentId": "%s", "amount": "%s", "channel": "BANK_REGISTRY"}""".formatted(id, money(kopecks));
        }
    }

    /** What the client saw: each attempt's node and status (-1: no answer). */
    record Outcome(Payment payment, List<String> attempts, int last) {
        boolean acknowledged() {
            return last == 200 || last == 201;
        }
    }

    @BeforeAll
    void startTwoNodes() throws IOException {
        dataDirectory = Files.createTempDirectory("ledger-two-nodes-").resolve("postgres");
        a = LedgerNode.start("node-a", dataDirectory);
        b = LedgerNode.start("node-b", dataDirectory);
        assertThat(a.jdbc().queryForObject("SHOW fsync", String.class)).isEqualTo("on");
        period = YearMonth.now(a.bean(Clock.class).withZone(MOSCOW)).toString();
        for (int i = 1; i <= ACCOUNTS; i++) {
            String account = "TWO-%04d".formatted(i);
            accounts.add(account);
            LedgerNode node = i % 2 == 0 ? a : b;
            assertThat(node.api().post("/api/v1/accounts", "operator", """
                    {"accountId": "%s", "holderName": "Two nodes", "regionCode": "77"}""".formatted(account))
                    .status()).isEqualTo(201);
            assertThat(node.api().post("/api/v1/accounts/" + account + "/charges", "operator", """
                    {"chargeId": "OPENING", "billingPeriod": "%s", "amount": "90000.00"}""".formatted(period))
                    .status()).isEqualTo(201);
            expected.put(account, 9_000_000L);
        }
    }

    @AfterAll
    void stopNodes() {
        try {
            if (a != null) {
                a.close();
            }
            if (b != null) {
                b.close();
            }
        } finally {
            EmbeddedPostgresServer.stop(dataDirectory);
            figures.forEach(line -> System.out.println("TwoNodeFaultTest: " + line));
        }
    }

    /**
     * Node A holds an account in its aggregate cache; a payment goes through node B; a reversal of that
     * payment through A must be decided on the stream B extended, not on A's cached state (which knows no
     * such payment and refused it as unknown before StreamCheckedRepository).
     */
    @Test
    @Order(1)
    void aCachedAggregateNeverDecidesOnStateAnotherNodeMovedPast() {
        String account = "TWO-STALE";
        assertThat(a.api().post("/api/v1/accounts", "operator", """
                {"accountId": "%s", "holderName": "Stale cache", "regionCode": "77"}""".formatted(account))
                .status()).isEqualTo(201);
        assertThat(a.api().post("/api/v1/accounts/" + account + "/charges", "operator", """
                {"chargeId": "C1", "billingPeriod": "%s", "amount": "100.00"}""".formatted(period)).status())
                .isEqualTo(201);
        assertThat(b.api().post("/api/v1/accounts/" + account + "/payments", "operator", """
                {"paymentId": "P1", "amount": "40.00", "channel": "BANK_REGISTRY"}""").status()).isEqualTo(201);

        Api.Response reversal = a.api().post("/api/v1/accounts/" + account + "/payments/P1/reversal", "operator",
                """
                {"reason": "Bank recall"}""");
        assertThat(reversal.status()).as(reversal.toString()).isEqualTo(201);
        // And the other way round: B's cache is now behind A's reversal; a repeat there is answered as such.
        Api.Response again = b.api().post("/api/v1/accounts/" + account + "/payments/P1/reversal", "operator",
                """
                {"reason": "Bank recall"}""");
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        List<Map<String, Object>> stream = a.jdbc().queryForList("SELECT sequence_number, payload_type"
                + " FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number", account);
        for (int i = 0; i < stream.size(); i++) {
            assertThat(((Number) stream.get(i).get("sequence_number")).longValue()).isEqualTo(i);
        }
        assertThat(stream.stream().filter(e -> e.get("payload_type").toString().endsWith(".PaymentReversed")))
                .as(stream.toString()).hasSize(1);
    }

    @Test
    @Order(2)
    void concurrentPaymentsToTheSameAccountsThroughBothNodes() throws Exception {
        Run run = new Run("concurrent", 201L, 60);
        run.go(null);
        verify(run);
    }

    /** Each payment is sent to both nodes at the same moment: one records it, the other answers it recorded. */
    @Test
    @Order(3)
    void theSamePaymentSentToBothNodesAtOnce() throws Exception {
        Random random = new Random(202L);
        HttpClient http = HttpClient.newHttpClient();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Outcome> outcomes = new ArrayList<>();
        int recordedTwice = 0;
        try {
            for (int n = 0; n < 60; n++) {
                Payment payment = new Payment(accounts.get(random.nextInt(ACCOUNTS)), "SAME-%03d".formatted(n),
                        100 + random.nextInt(9_900));
                CyclicBarrier together = new CyclicBarrier(2);
                Future<Outcome> viaA = pool.submit(() -> {
                    together.await();
                    return send(http, payment, List.of(a, b));
                });
                Future<Outcome> viaB = pool.submit(() -> {
                    together.await();
                    return send(http, payment, List.of(b, a));
                });
                Outcome first = viaA.get(1, TimeUnit.MINUTES);
                Outcome second = viaB.get(1, TimeUnit.MINUTES);
                assertThat(first.acknowledged()).as(first.toString()).isTrue();
                assertThat(second.acknowledged()).as(second.toString()).isTrue();
                assertThat(List.of(first.last(), second.last())).as(payment.id())
                        .containsExactlyInAnyOrder(200, 201);
                recordedTwice += first.last() == 201 && second.last() == 201 ? 1 : 0;
                outcomes.add(first);
                outcomes.add(second);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(recordedTwice).isZero();
        Run run = new Run("same payment to both", 0, 0);
        run.outcomes.addAll(outcomes);
        verify(run);
    }

    @Test
    @Order(4)
    void postgresRestartedUnderLoad() throws Exception {
        PostgresRestarts restarts = new PostgresRestarts(dataDirectory);
        Run run = new Run("PostgreSQL restarted (fast, immediate)", 204L, 70);
        run.go(acknowledged -> {
            for (Mode mode : List.of(Mode.FAST, Mode.IMMEDIATE)) {
                int after = run.total() * (mode == Mode.FAST ? 1 : 2) / 3;
                await().atMost(WAIT).pollInterval(Duration.ofMillis(5)).until(() -> acknowledged.get() >= after);
                restarts.restart(mode);
            }
        });
        verify(run);
    }

    /**
     * The node that holds the processor segments is killed while clients write through both; clients re-send
     * what went unanswered, reaching the survivor. The survivor takes over every segment once the dead node's
     * claims time out; the time from the kill until it holds them all is printed.
     */
    @Test
    @Order(5)
    void aNodeKilledUnderLoadIsTakenOverByTheOther() throws Exception {
        JdbcTemplate jdbc = a.jdbc();
        Map<String, Integer> owners = new HashMap<>();
        jdbc.query("SELECT owner FROM token_entry WHERE owner IS NOT NULL",
                (RowCallbackHandler) rs -> owners.merge(rs.getString(1), 1, Integer::sum));
        LedgerNode victim = owners.getOrDefault(a.name(), 0) >= owners.getOrDefault(b.name(), 0) ? a : b;
        LedgerNode survivor = victim == a ? b : a;
        assertThat(owners.getOrDefault(victim.name(), 0)).as("segments held by the victim " + owners).isPositive();
        long[] killedAt = new long[1];
        Run run = new Run("node killed (" + owners.get(victim.name()) + " segments held)", 205L, 60);
        run.go(acknowledged -> {
            await().atMost(WAIT).pollInterval(Duration.ofMillis(5)).until(() -> acknowledged.get() >= run.total() / 3);
            killedAt[0] = System.nanoTime();
            victim.kill();
        });
        JdbcTemplate survivorJdbc = survivor.jdbc();
        int segments = survivorJdbc.queryForObject("SELECT count(*) FROM token_entry", Integer.class);
        await().atMost(WAIT).pollInterval(Duration.ofMillis(20)).until(() -> survivorJdbc.queryForObject(
                "SELECT count(*) FROM token_entry WHERE owner = ?", Integer.class, survivor.name()) == segments);
        long takeoverMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt[0]);
        figures.add("takeover: " + survivor.name() + " held all " + segments + " segments " + takeoverMillis
                + " ms after " + victim.name() + " was killed (claim timeout " + LedgerNode.CLAIM_TIMEOUT + ")");
        if (victim == a) {
            a = null;
        } else {
            b = null;
        }
        verify(run);
    }

    /** A seeded workload of payments to the shared accounts, sent by clients spread over both nodes. */
    private final class Run {
        final String name;
        final List<List<Payment>> workload = new ArrayList<>();
        final List<Outcome> outcomes = java.util.Collections.synchronizedList(new ArrayList<>());

        Run(String name, long seed, int perClient) {
            this.name = name;
            Random random = new Random(seed);
            for (int c = 0; c < CLIENTS; c++) {
                List<Payment> payments = new ArrayList<>();
                for (int n = 0; n < perClient; n++) {
                    payments.add(new Payment(accounts.get(random.nextInt(ACCOUNTS)),
                            "%s-%d-%03d".formatted(Long.toString(seed, 36).toUpperCase(), c, n),
                            100 + random.nextInt(9_900)));
                }
                workload.add(payments);
            }
        }

        int total() {
            return workload.stream().mapToInt(List::size).sum();
        }

        /** Runs the clients (half start on each node) and {@code fault} beside them. */
        void go(Fault fault) throws Exception {
            AtomicInteger acknowledged = new AtomicInteger();
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS + 1);
            try {
                Future<?> faults = pool.submit(() -> {
                    if (fault != null) {
                        fault.inject(acknowledged);
                    }
                    return null;
                });
                List<Future<?>> clients = new ArrayList<>();
                for (int c = 0; c < CLIENTS; c++) {
                    List<Payment> payments = workload.get(c);
                    boolean startOnA = c % 2 == 0;
                    clients.add(pool.submit(() -> {
                        for (Payment payment : payments) {
                            Outcome outcome = send(http, payment, startOnA ? nodes(a, b) : nodes(b, a));
                            outcomes.add(outcome);
                            if (outcome.acknowledged()) {
                                acknowledged.incrementAndGet();
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> client : clients) {
                    client.get(5, TimeUnit.MINUTES);
                }
                faults.get(2, TimeUnit.MINUTES);
            } finally {
                pool.shutdown();
            }
        }
    }

    @FunctionalInterface
    interface Fault {
        void inject(AtomicInteger acknowledged) throws Exception;
    }

    private static List<LedgerNode> nodes(LedgerNode first, LedgerNode second) {
        List<LedgerNode> nodes = new ArrayList<>();
        if (first != null) {
            nodes.add(first);
        }
        if (second != null) {
            nodes.add(second);
        }
        return nodes;
    }

    /**
     * Sends a payment to the first node and, after a 5xx, no answer or a 409 CONCURRENT_MODIFICATION (the API's
     * "retry the request"), re-sends the identical request to the next node that is alive, as a load balancer
     * with retries or a well-behaved client does.
     */
    private static Outcome send(HttpClient http, Payment payment, List<LedgerNode> nodes) throws InterruptedException {
        List<String> attempts = new ArrayList<>();
        int last = -1;
        for (int attempt = 0; attempt < 300; attempt++) {
            LedgerNode node = nodes.get(attempt % nodes.size());
            if (!node.alive()) {
                node = nodes.stream().filter(LedgerNode::alive).findFirst().orElseThrow();
            }
            int port;
            try {
                port = node.port();
            } catch (RuntimeException gone) {
                attempts.add(node.name() + ":gone");
                continue;
            }
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + payment.path()))
                    .timeout(NO_ANSWER)
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            "operator:operator".getBytes(StandardCharsets.UTF_8)))
                    .POST(HttpRequest.BodyPublishers.ofString(payment.json(), StandardCharsets.UTF_8)).build();
            boolean concurrent = false;
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                last = response.statusCode();
                // The ledger gives up after repeated concurrent changes of one account and says to retry.
                concurrent = last == 409 && response.body().contains("CONCURRENT_MODIFICATION");
            } catch (IOException e) {
                last = -1;
            }
            attempts.add(node.name() + ":" + last + (concurrent ? " CONCURRENT_MODIFICATION" : ""));
            if (last >= 200 && last < 500 && !concurrent) {
                break;
            }
            Thread.sleep(20L * Math.min(attempt + 1, 10));
        }
        return new Outcome(payment, attempts, last);
    }

    private LedgerNode anyAlive() {
        return a != null && a.alive() ? a : b;
    }

    /** The checks every scenario ends with. */
    private void verify(Run run) {
        LedgerNode node = anyAlive();
        JdbcTemplate jdbc = node.jdbc();
        Api api = node.api();
        Map<String, Long> paymentsById = new HashMap<>();
        int acknowledged = 0;
        int firstTime = 0;
        int attempts = 0;
        for (Outcome outcome : run.outcomes) {
            assertThat(outcome.acknowledged()).as("finally answered 200/201: " + outcome).isTrue();
            acknowledged++;
            firstTime += outcome.attempts().size() == 1 ? 1 : 0;
            attempts += outcome.attempts().size();
            paymentsById.put(outcome.payment().id(), outcome.payment().kopecks());
            if (counted.add(outcome.payment().id())) {
                expected.merge(outcome.payment().account(), -outcome.payment().kopecks(), Long::sum);
            }
        }
        Map<String, Integer> stored = new HashMap<>();
        jdbc.query("SELECT convert_from(payload, 'UTF8')::jsonb ->> 'paymentId' FROM domain_event_entry"
                        + " WHERE payload_type = 'ru.utility.ledger.core.api.account.PaymentRecorded'",
                (RowCallbackHandler) rs -> stored.merge(rs.getString(1), 1, Integer::sum));
        List<String> lost = paymentsById.keySet().stream().filter(id -> !stored.containsKey(id)).toList();
        List<String> duplicated = stored.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)
                .toList();
        figures.add("%s: writes %d (requests %d), acknowledged %d, first attempt %d, lost %d, duplicated %d"
                .formatted(run.name, paymentsById.size(), run.outcomes.size(), acknowledged, firstTime, lost.size(),
                        duplicated.size()) + ", attempts " + attempts);
        assertThat(lost).as("acknowledged payments missing from the store").isEmpty();
        assertThat(duplicated).as("payments stored twice").isEmpty();
        assertThat(jdbc.queryForList("""
                SELECT aggregate_identifier FROM domain_event_entry GROUP BY aggregate_identifier
                HAVING min(sequence_number) <> 0 OR max(sequence_number) + 1 <> count(*)""", String.class))
                .as("aggregates whose sequence numbers have holes").isEmpty();

        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            Api.Response response = api.get("/api/v1/admin/projections", "admin");
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            for (JsonNode projection : response.json().get("projections")) {
                assertThat(projection.get("position").asLong()).as(projection.toString())
                        .isEqualTo(projection.get("head").asLong());
            }
        });
        for (String account : accounts) {
            String balance = api.get("/api/v1/accounts/" + account + "/balance", "finance").json().get("balance")
                    .asString();
            assertThat(balance).as(account + " balance").isEqualTo(money(expected.get(account)));
            JsonNode integrity = api.get("/api/v1/accounts/" + account + "/integrity", "auditor").json();
            assertThat(integrity.get("valid").asBoolean()).as(integrity.toString()).isTrue();
        }
        Map<String, Integer> fed = new HashMap<>();
        jdbc.query("SELECT data::jsonb ->> 'paymentId' FROM feed_event WHERE event_type = 'PaymentRecorded'",
                (RowCallbackHandler) rs -> fed.merge(rs.getString(1), 1, Integer::sum));
        assertThat(fed).as("the feed carries each stored payment once").isEqualTo(stored);
        assertThat(jdbc.queryForObject("SELECT count(*) = coalesce(max(position), 0) FROM feed_event",
                Boolean.class)).as("feed positions are dense").isTrue();
        assertThat(jdbc.queryForList("""
                SELECT account_id || ' #' || account_sequence FROM (
                    SELECT account_id, account_sequence,
                           lag(account_sequence) OVER (PARTITION BY account_id ORDER BY position) AS previous
                      FROM feed_event) f
                 WHERE previous >= account_sequence""", String.class))
                .as("feed events out of their account's order").isEmpty();
    }

    private static String money(long kopecks) {
        return BigDecimal.valueOf(kopecks, 2).toPlainString();
    }
}
