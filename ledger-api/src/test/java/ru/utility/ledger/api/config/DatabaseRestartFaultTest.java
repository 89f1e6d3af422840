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
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

import tools.jackson.databind.JsonNode;

import ru.utility.ledger.api.LedgerApplication;
import ru.utility.ledger.api.support.Api;
import ru.utility.ledger.api.support.PostgresRestarts;
import ru.utility.ledger.api.support.PostgresRestarts.Mode;

/**
 * Issue 14: an acknowledged write survives the database. Eight clients send payments (most to one hot
 * account, the rest spread over many), charges, reversals, enrolments in relief programmes, deferrals and
 * installment plans, and payment registries are imported as bulk jobs, while the durable embedded PostgreSQL
 * (fsync and synchronous_commit on) is restarted with {@code pg_ctl restart -m fast} and {@code -m immediate},
 * twice each. A client re-sends whatever got a 5xx or no answer, as a bank gateway does. Afterwards every
 * write answered 200 or 201 and every job line is in the event store exactly once, sequences are dense,
 * balances (live and as-of) are exact, the hash chains hold, the projections equal a replay, and the feed
 * carries each payment once.
 *
 * <p>The workload is fixed by {@link #SEED}. Thread interleaving is not, and neither is the moment a restart
 * hits (each follows a share of acknowledged writes and a running registry import), which is why the test is
 * meant to be run repeatedly (docs/operating/reliability.md).
 */
class DatabaseRestartFaultTest {

    private static final long SEED = 14L;
    private static final int CLIENTS = 8;
    private static final int WRITES_PER_CLIENT = 150;
    private static final int SPREAD_ACCOUNTS = 24;
    private static final int REGISTRY_LINES = 120;
    private static final int CHUNK = 10;
    private static final List<Mode> RESTARTS = List.of(Mode.FAST, Mode.IMMEDIATE, Mode.FAST, Mode.IMMEDIATE);
    private static final String HOT = "HOT-0001";
    /** Short, so that requests held up by a restart go unanswered and are re-sent while still in flight. */
    private static final Duration NO_ANSWER = Duration.ofMillis(1500);
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    @TempDir
    Path temp;

    enum Kind { PAYMENT, CHARGE, REVERSAL, ENROLMENT, DEFERRAL, PLAN, REGISTRY_LINE }

    /** One write; a registry line is written by the bulk job, not sent by a client. */
    record Write(Kind kind, String account, String id, String path, String json, long kopecks) {
        @Override
        public String toString() {
            return kind + " " + id + " on " + account;
        }
    }

    /** What the client saw: every attempt's status, -1 for no answer. */
    record Outcome(Write write, List<Integer> attempts) {
        boolean acknowledged() {
            int last = attempts.getLast();
            return last == 200 || last == 201;
        }

        @Override
        public String toString() {
            return write + " answered " + attempts;
        }
    }

    @Test
    void everyAcknowledgedWriteIsStoredExactlyOnceAcrossDatabaseRestarts() throws Exception {
        Path dataDirectory = temp.resolve("postgres");
        try (ConfigurableApplicationContext context = start(dataDirectory)) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            Clock clock = context.getBean(Clock.class);
            assertThat(jdbc.queryForObject("SHOW fsync", String.class)).isEqualTo("on");
            assertThat(jdbc.queryForObject("SHOW synchronous_commit", String.class)).isEqualTo("on");
            LocalDate today = LocalDate.now(clock.withZone(MOSCOW));
            String period = YearMonth.from(today).toString();

            Api api = new Api(port);
            List<String> accounts = new ArrayList<>();
            accounts.add(HOT);
            for (int i = 1; i <= SPREAD_ACCOUNTS; i++) {
                accounts.add("ACC-%04d".formatted(i));
            }
            Map<String, Long> expected = new LinkedHashMap<>();
            for (String account : accounts) {
                assertThat(api.post("/api/v1/accounts", "operator", """
                        {"accountId": "%s", "holderName": "Restart", "regionCode": "77"}""".formatted(account))
                        .status()).isEqualTo(201);
                assertThat(api.post("/api/v1/accounts/" + account + "/charges", "operator", """
                        {"chargeId": "OPENING", "billingPeriod": "%s", "amount": "5000.00"}""".formatted(period))
                        .status()).isEqualTo(201);
                expected.put(account, 500_000L);
            }
            String launched = today.minusDays(30).toString();
            assertThat(api.post("/api/v1/programmes", "operator", """
                    {"programId": "DEFER-6M", "name": "Deferral", "kind": "DEFERRAL", "activeFrom": "%s",
                     "maxDeferralMonths": 6}""".formatted(launched)).status()).isEqualTo(201);
            assertThat(api.post("/api/v1/programmes", "operator", """
                    {"programId": "INST-12", "name": "Installments", "kind": "INSTALLMENT", "activeFrom": "%s",
                     "minInstallments": 2, "maxInstallments": 12, "missesBeforeDefault": 2}""".formatted(launched))
                    .status()).isEqualTo(201);

            Random random = new Random(SEED);
            List<List<Write>> workload = workload(random, accounts, period);
            List<List<Write>> registries = new ArrayList<>();
            for (int i = 0; i < RESTARTS.size(); i++) {
                registries.add(registry(random, i, accounts));
            }
            int total = workload.stream().mapToInt(List::size).sum();
            long started = System.nanoTime();
            AtomicInteger acknowledged = new AtomicInteger();
            AtomicInteger finishedClients = new AtomicInteger();
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            PostgresRestarts restarts = new PostgresRestarts(dataDirectory);
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS + 1);
            // Each restart follows a share of the acknowledged writes and hits a registry import midway.
            Future<List<UUID>> restarter = pool.submit(() -> {
                List<UUID> jobs = new ArrayList<>();
                for (int i = 0; i < RESTARTS.size(); i++) {
                    int after = total * (i + 1) / (RESTARTS.size() + 1);
                    await().atMost(WAIT).pollInterval(Duration.ofMillis(5))
                            .until(() -> acknowledged.get() >= after || finishedClients.get() == CLIENTS);
                    UUID job = upload(http, port, registries.get(i), today);
                    jobs.add(job);
                    await().atMost(WAIT).pollInterval(Duration.ofMillis(2))
                            .until(() -> linesDone(jdbc, job) >= 2 * CHUNK);
                    restarts.restart(RESTARTS.get(i));
                }
                return jobs;
            });
            List<Future<List<Outcome>>> clients = new ArrayList<>();
            for (List<Write> writes : workload) {
                clients.add(pool.submit(() -> {
                    List<Outcome> outcomes = new ArrayList<>();
                    try {
                        for (Write write : writes) {
                            Outcome outcome = sendUntilAnswered(http, port, write);
                            outcomes.add(outcome);
                            if (outcome.acknowledged()) {
                                acknowledged.incrementAndGet();
                            }
                        }
                    } finally {
                        finishedClients.incrementAndGet();
                    }
                    return outcomes;
                }));
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<List<Outcome>> client : clients) {
                outcomes.addAll(client.get(5, TimeUnit.MINUTES));
            }
            List<UUID> jobs = restarter.get(2, TimeUnit.MINUTES);
            pool.shutdown();
            long workloadSeconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);

            // The jobs finish on their own after the restarts; every line of theirs is done.
            for (UUID job : jobs) {
                await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> jdbc.queryForObject(
                        "SELECT state FROM bulk_job WHERE id = ?", String.class, job).equals("COMPLETED"));
                assertThat(jdbc.queryForList("SELECT status || coalesce(' ' || error_code, '') FROM bulk_job_line"
                        + " WHERE job_id = ? AND status <> 'DONE'", String.class, job))
                        .as("job lines not done").isEmpty();
            }
            for (List<Write> registry : registries) {
                registry.forEach(line -> outcomes.add(new Outcome(line, List.of(201))));
            }

            for (Outcome outcome : outcomes) {
                Write write = outcome.write();
                long change = switch (write.kind()) {
                    case PAYMENT, REGISTRY_LINE -> -write.kopecks();
                    case CHARGE, REVERSAL -> write.kopecks();
                    case ENROLMENT, DEFERRAL, PLAN -> 0;
                };
                expected.merge(write.account(), change, Long::sum);
            }
            Figures figures = Figures.of(outcomes, RESTARTS.size());

            // The store: each acknowledged write exactly once, every stream dense.
            Map<String, Integer> payments = countById(jdbc, "PaymentRecorded", "paymentId");
            Map<String, Integer> charges = countById(jdbc, "ChargePosted", "chargeId");
            Map<String, Integer> reversals = countById(jdbc, "PaymentReversed", "paymentId");
            Map<String, Integer> enrolments = countById(jdbc, "AccountEnrolled", "accountId");
            Map<String, Integer> reservations = countById(jdbc, "program.EnrolmentReserved", "accountId");
            Map<String, Integer> deferrals = countById(jdbc, "DeferralGranted", "deferralId");
            Map<String, Integer> plans = countById(jdbc, "InstallmentPlanAgreed", "planId");
            assertThat(reservations).as("one reservation per enrolment, none left behind").isEqualTo(enrolments);
            List<String> lost = new ArrayList<>();
            List<String> duplicated = new ArrayList<>();
            for (Outcome outcome : outcomes) {
                Write write = outcome.write();
                Map<String, Integer> stored = switch (write.kind()) {
                    case PAYMENT, REGISTRY_LINE -> payments;
                    case CHARGE -> charges;
                    case REVERSAL -> reversals;
                    case ENROLMENT -> enrolments;
                    case DEFERRAL -> deferrals;
                    case PLAN -> plans;
                };
                int count = stored.getOrDefault(write.id(), 0);
                if (count == 0 && outcome.acknowledged()) {
                    lost.add(outcome.toString());
                } else if (count > 1) {
                    duplicated.add(outcome + ", stored " + count + " times");
                }
            }
            figures = figures.with(lost.size(), duplicated.size());
            System.out.println("DatabaseRestartFaultTest: " + figures + ", workload took " + workloadSeconds + " s");
            assertThat(lost).as("acknowledged writes missing from the event store").isEmpty();
            assertThat(duplicated).as("writes stored more than once").isEmpty();
            assertThat(outcomes.stream().filter(o -> !o.acknowledged()).map(Outcome::toString).toList())
                    .as("writes not finally answered 200 or 201").isEmpty();
            assertThat(payments.values().stream().mapToInt(Integer::intValue).sum())
                    .isEqualTo(figures.count(Kind.PAYMENT) + figures.count(Kind.REGISTRY_LINE));
            assertThat(jdbc.queryForList("""
                    SELECT aggregate_identifier FROM domain_event_entry GROUP BY aggregate_identifier
                    HAVING min(sequence_number) <> 0 OR max(sequence_number) + 1 <> count(*)""", String.class))
                    .as("aggregates whose sequence numbers have holes").isEmpty();

            // The read side: live and as-of balances exact, chains intact, projections equal a replay.
            awaitCaughtUp(api);
            LocalDate asOf = LocalDate.now(clock.withZone(MOSCOW));
            List<String> wrongBalances = new ArrayList<>();
            for (Map.Entry<String, Long> account : expected.entrySet()) {
                String balance = money(account.getValue());
                String live = api.get("/api/v1/accounts/" + account.getKey() + "/balance", "finance").json()
                        .get("balance").asString();
                String asOfToday = api.get("/api/v1/accounts/" + account.getKey() + "/balance?asOf=" + asOf,
                        "finance").json().get("balance").asString();
                if (!live.equals(balance) || !asOfToday.equals(balance)) {
                    wrongBalances.add(account.getKey() + ": expected " + balance + ", live " + live + ", as of "
                            + asOfToday + ", from the stored events " + money(storedBalance(jdbc, account.getKey())));
                }
                JsonNode integrity = api.get("/api/v1/accounts/" + account.getKey() + "/integrity", "auditor").json();
                assertThat(integrity.get("valid").asBoolean()).as(integrity.toString()).isTrue();
            }
            JsonNode replay = api.post("/api/v1/admin/projections/replay-check", "admin", null).json();
            assertThat(wrongBalances).as("balances; replay check: " + replay).isEmpty();
            assertThat(replay.get("equal").asBoolean()).as(replay.toString()).isTrue();
            System.out.println("DatabaseRestartFaultTest: read side checked after "
                    + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started) + " s");

            // The feed: each stored payment once, positions dense.
            Map<String, Integer> fed = new HashMap<>();
            jdbc.query("SELECT data::jsonb ->> 'paymentId' FROM feed_event WHERE event_type = 'PaymentRecorded'",
                    (RowCallbackHandler) rs -> fed.merge(rs.getString(1), 1, Integer::sum));
            assertThat(fed).isEqualTo(payments);
            assertThat(jdbc.queryForObject("SELECT count(*) = coalesce(max(position), 0) FROM feed_event",
                    Boolean.class)).as("feed positions are dense").isTrue();
        } finally {
            EmbeddedPostgresServer.stop(dataDirectory);
        }
    }

    /**
     * Per client: payments to the hot account and to others, charges, reversals of its own earlier payments,
     * and relief (an enrolment, then a deferral or an installment plan) for the accounts it owns.
     */
    private static List<List<Write>> workload(Random random, List<String> accounts, String period) {
        List<List<Write>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            List<Write> writes = new ArrayList<>();
            List<Write> reversible = new ArrayList<>();
            for (int n = 0; n < WRITES_PER_CLIENT; n++) {
                int pick = random.nextInt(100);
                if (pick < 55) {
                    writes.add(payment(HOT, "P-%d-%03d".formatted(c, n), 100));
                } else if (pick < 80 || pick >= 90 && reversible.isEmpty()) {
                    String account = accounts.get(1 + random.nextInt(accounts.size() - 1));
                    Write payment = payment(account, "Q-%d-%03d".formatted(c, n), 100 + random.nextInt(4900));
                    writes.add(payment);
                    reversible.add(payment);
                } else if (pick < 90) {
                    String account = accounts.get(random.nextInt(accounts.size()));
                    String id = "C-%d-%03d".formatted(c, n);
                    long kopecks = 100 + random.nextInt(99_900);
                    writes.add(new Write(Kind.CHARGE, account, id, "/api/v1/accounts/" + account + "/charges", """
                            {"chargeId": "%s", "billingPeriod": "%s", "amount": "%s"}"""
                            .formatted(id, period, money(kopecks)), kopecks));
                } else {
                    Write payment = reversible.remove(random.nextInt(reversible.size()));
                    writes.add(new Write(Kind.REVERSAL, payment.account(), payment.id(),
                            "/api/v1/accounts/" + payment.account() + "/payments/" + payment.id() + "/reversal",
                            """
                            {"reason": "Bank recall"}""", payment.kopecks()));
                }
            }
            // Relief for the accounts this client owns: enrolment first, then a deferral or a plan under it.
            for (int a = 1 + c; a < accounts.size(); a += CLIENTS) {
                String account = accounts.get(a);
                boolean deferral = a % 2 == 0;
                String programme = deferral ? "DEFER-6M" : "INST-12";
                int enrolAt = random.nextInt(writes.size() / 2);
                writes.add(enrolAt, new Write(Kind.ENROLMENT, account, account,
                        "/api/v1/programmes/" + programme + "/enrolments", """
                        {"accountId": "%s"}""".formatted(account), 0));
                int reliefAt = enrolAt + 1 + random.nextInt(writes.size() - enrolAt);
                writes.add(reliefAt, deferral
                        ? new Write(Kind.DEFERRAL, account, "D-" + account,
                        "/api/v1/accounts/" + account + "/deferrals", """
                        {"deferralId": "D-%s", "programId": "DEFER-6M", "months": "3"}""".formatted(account), 0)
                        : new Write(Kind.PLAN, account, "PL-" + account,
                        "/api/v1/accounts/" + account + "/installment-plans", """
                        {"planId": "PL-%s", "programId": "INST-12", "installments": "6"}""".formatted(account), 0));
            }
            clients.add(writes);
        }
        return clients;
    }

    private static Write payment(String account, String id, long kopecks) {
        return new Write(Kind.PAYMENT, account, id, "/api/v1/accounts/" + account + "/payments", """
                {"paymentId": "%s", "amount": "%s", "channel": "BANK_REGISTRY"}""".formatted(id, money(kopecks)),
                kopecks);
    }

    /** A bank registry's lines, valued on the upload day; the file itself is built by {@link #upload}. */
    private static List<Write> registry(Random random, int number, List<String> accounts) {
        List<Write> lines = new ArrayList<>();
        for (int n = 0; n < REGISTRY_LINES; n++) {
            String account = accounts.get(random.nextInt(accounts.size()));
            lines.add(new Write(Kind.REGISTRY_LINE, account, "R-%d-%03d".formatted(number, n), null, null,
                    100 + random.nextInt(4900)));
        }
        return lines;
    }

    /** Uploads a registry (an identical re-upload answers the same job), re-sent until it is accepted. */
    private static UUID upload(HttpClient http, int port, List<Write> lines, LocalDate valueDay)
            throws InterruptedException {
        String valueDate = valueDay.format(DateTimeFormatter.ofPattern("dd.MM.yyyy"));
        StringBuilder file = new StringBuilder();
        long total = 0;
        for (Write line : lines) {
            file.append(line.id()).append(';').append(line.account()).append(';').append(money(line.kopecks()))
                    .append(';').append(valueDate).append(";Payer\n");
            total += line.kopecks();
        }
        file.append("=;").append(lines.size()).append(';').append(money(total)).append('\n');
        for (int attempt = 0; ; attempt++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                            + "/api/v1/payment-registries"))
                    .timeout(NO_ANSWER).header("Content-Type", "text/csv").header("Authorization", basic("operator"))
                    .POST(HttpRequest.BodyPublishers.ofString(file.toString(), StandardCharsets.UTF_8)).build();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 || response.statusCode() == 202) {
                    String location = response.headers().firstValue("Location").orElseThrow();
                    return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
                }
                assertThat(response.statusCode()).as(response.body()).isGreaterThanOrEqualTo(500);
            } catch (IOException e) {
                // no answer: send it again
            }
            Thread.sleep(20L * Math.min(attempt + 1, 10));
        }
    }

    private static int linesDone(JdbcTemplate jdbc, UUID job) {
        try {
            Integer done = jdbc.queryForObject("SELECT CASE WHEN state = 'COMPLETED' THEN 2147483647"
                    + " ELSE lines_done END FROM bulk_job WHERE id = ?", Integer.class, job);
            return done == null ? 0 : done;
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /** Re-sends the identical request after a 5xx or no answer, as the idempotency contract invites. */
    private static Outcome sendUntilAnswered(HttpClient http, int port, Write write) throws InterruptedException {
        List<Integer> attempts = new ArrayList<>();
        for (int attempt = 0; attempt < 400; attempt++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + write.path()))
                    .timeout(NO_ANSWER)
                    .header("Content-Type", "application/json")
                    .header("X-Request-Id", write.id() + ":" + write.kind() + ":" + attempt)
                    .header("Authorization", basic("operator"))
                    .POST(HttpRequest.BodyPublishers.ofString(write.json(), StandardCharsets.UTF_8)).build();
            try {
                int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                attempts.add(status);
                if (status < 500) {
                    return new Outcome(write, attempts);
                }
            } catch (IOException e) {
                attempts.add(-1);
            }
            Thread.sleep(20L * Math.min(attempt + 1, 10));
        }
        return new Outcome(write, attempts);
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, Integer> countById(JdbcTemplate jdbc, String type, String field) {
        Map<String, Integer> counts = new HashMap<>();
        jdbc.query("SELECT convert_from(payload, 'UTF8')::jsonb ->> ? FROM domain_event_entry WHERE payload_type = ?",
                (RowCallbackHandler) rs -> counts.merge(rs.getString(1), 1, Integer::sum),
                field, "ru.utility.ledger.core.api." + (type.contains(".") ? type : "account." + type));
        return counts;
    }

    /** The balance the account's stored money events add up to, straight from the event table. */
    private static long storedBalance(JdbcTemplate jdbc, String account) {
        Long kopecks = jdbc.queryForObject("""
                SELECT coalesce(sum(CASE WHEN payload_type LIKE '%PaymentRecorded' THEN -1 ELSE 1 END
                           * round(100 * (convert_from(payload, 'UTF8')::jsonb ->> 'amount')::numeric)), 0)
                  FROM domain_event_entry
                 WHERE aggregate_identifier = ?
                   AND (payload_type LIKE '%PaymentRecorded' OR payload_type LIKE '%ChargePosted'
                        OR payload_type LIKE '%PaymentReversed')""", Long.class, account);
        return kopecks == null ? 0 : kopecks;
    }

    private static void awaitCaughtUp(Api api) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            Api.Response response = api.get("/api/v1/admin/projections", "admin");
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            for (JsonNode projection : response.json().get("projections")) {
                assertThat(projection.get("position").asLong()).as(projection.toString())
                        .isEqualTo(projection.get("head").asLong());
            }
        });
    }

    private static String money(long kopecks) {
        return BigDecimal.valueOf(kopecks, 2).toPlainString();
    }

    /** The run's figures, printed for docs/operating/reliability.md. */
    record Figures(int writes, Map<Kind, Integer> byKind, int acknowledged, int firstAttemptAcknowledged,
                   int attempts, int serverErrors, int noAnswers, int restarts, int lost, int duplicated) {

        static Figures of(List<Outcome> outcomes, int restarts) {
            Map<Kind, Integer> byKind = new LinkedHashMap<>();
            int acknowledged = 0;
            int firstTime = 0;
            int attempts = 0;
            int errors = 0;
            int silent = 0;
            for (Outcome outcome : outcomes) {
                byKind.merge(outcome.write().kind(), 1, Integer::sum);
                acknowledged += outcome.acknowledged() ? 1 : 0;
                int first = outcome.attempts().getFirst();
                firstTime += first == 200 || first == 201 ? 1 : 0;
                attempts += outcome.attempts().size();
                errors += (int) outcome.attempts().stream().filter(s -> s >= 500).count();
                silent += (int) outcome.attempts().stream().filter(s -> s < 0).count();
            }
            return new Figures(outcomes.size(), byKind, acknowledged, firstTime, attempts, errors, silent, restarts,
                    0, 0);
        }

        Figures with(int lost, int duplicated) {
            return new Figures(writes, byKind, acknowledged, firstAttemptAcknowledged, attempts, serverErrors,
                    noAnswers, restarts, lost, duplicated);
        }

        int count(Kind kind) {
            return byKind.getOrDefault(kind, 0);
        }
    }

    private static ConfigurableApplicationContext start(Path dataDirectory) {
        return new SpringApplicationBuilder(LedgerApplication.class).run(
                "--server.port=0",
                "--ledger.embedded-postgres.data-directory=" + dataDirectory,
                "--ledger.embedded-postgres.durable=true",
                "--ledger.jobs.chunk-size=" + CHUNK,
                "--ledger.feed.poll-interval=50ms",
                "--axon.eventhandling.processors.balances.token-claim-interval=200",
                "--axon.eventhandling.processors.statements.token-claim-interval=200",
                "--axon.eventhandling.processors.overdue.token-claim-interval=200",
                "--axon.eventhandling.processors.relief-statistics.token-claim-interval=200",
                "--axon.eventhandling.processors.feed.token-claim-interval=200",
                "--logging.level.org.axonframework=WARN");
    }
}
