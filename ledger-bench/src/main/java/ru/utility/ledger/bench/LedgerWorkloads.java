package ru.utility.ledger.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

import org.axonframework.eventhandling.StreamingEventProcessor;

import ru.utility.ledger.api.ops.projections.ProjectionStatus;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.BillingPeriod;
import ru.utility.ledger.core.api.ChargeId;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.PaymentChannel;
import ru.utility.ledger.core.api.PaymentId;
import ru.utility.ledger.core.api.RegionCode;
import ru.utility.ledger.core.api.account.OpenAccount;
import ru.utility.ledger.core.api.account.PostCharge;
import ru.utility.ledger.core.api.account.RecordPayment;

/** The ledger's workloads, run against one started application. */
final class LedgerWorkloads {

    private static final LocalDate OPENED_ON = LocalDate.of(2026, 1, 1);
    private static final LocalDate RECEIVED_ON = LocalDate.of(2026, 11, 2);
    private static final Money AMOUNT = Money.parse("1000.00");

    private static final tools.jackson.databind.json.JsonMapper JSON =
            tools.jackson.databind.json.JsonMapper.builder().build();

    private final LedgerUnderTest ledger;
    private final BenchSettings settings;
    private final String prefix;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String operator = "Basic " + Base64.getEncoder().encodeToString("operator:operator".getBytes());
    private final String finance = "Basic " + Base64.getEncoder().encodeToString("finance:finance".getBytes());

    LedgerWorkloads(LedgerUnderTest ledger, BenchSettings settings, String prefix) {
        this.ledger = ledger;
        this.settings = settings;
        this.prefix = prefix;
    }

    LoadRunner.Result openAccounts(int count, String group) throws Exception {
        int threads = settings.threads();
        return LoadRunner.closedLoopCounted(threads, count, (thread, i) ->
                ledger.gateway().sendAndWait(new OpenAccount(AccountId.of(prefix + group + "-" + i), "Bench Holder",
                        RegionCode.of("77"), OPENED_ON)));
    }

    LoadRunner.Result gatewayPayments(String tag) throws Exception {
        return LoadRunner.closedLoop(settings.threads(), settings.seconds(), (thread, i) -> pay(tag, thread, i));
    }

    LoadRunner.Result gatewayPaymentsAtRate(String tag, double rate) throws Exception {
        return LoadRunner.openLoop(settings.threads(), settings.seconds(), rate, (thread, i) -> pay(tag, thread, i));
    }

    LoadRunner.Result httpPayments(String tag) throws Exception {
        return LoadRunner.closedLoop(settings.threads(), settings.seconds(), (thread, i) -> httpPay(tag, thread, i));
    }

    LoadRunner.Result httpPaymentsAtRate(String tag, double rate) throws Exception {
        return LoadRunner.openLoop(settings.threads(), settings.seconds(), rate, (thread, i) -> httpPay(tag, thread, i));
    }

    LoadRunner.Result balanceQueries() throws Exception {
        return LoadRunner.closedLoop(settings.threads(), Math.max(3, settings.seconds() / 2), (thread, i) ->
                ledger.balances().find(randomAccount()).orElseThrow());
    }

    LoadRunner.Result httpBalanceQueries() throws Exception {
        return LoadRunner.closedLoop(settings.threads(), Math.max(3, settings.seconds() / 2), (thread, i) -> {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(
                            "http://127.0.0.1:" + ledger.port() + "/api/v1/accounts/" + randomAccount() + "/balance"))
                    .header("Authorization", finance).GET().build(), HttpResponse.BodyHandlers.discarding());
            expect(response.statusCode(), 200);
        });
    }

    /** A billing run of one October charge per benchmark account, uploaded and followed to completion. */
    double billingRunLinesPerSecond() throws Exception {
        StringBuilder csv = new StringBuilder("accountId,period,amount,kWh\n");
        for (int i = 0; i < settings.accounts(); i++) {
            csv.append(prefix).append("A-").append(i).append(",2026-10,1234.50,250.5\n");
        }
        return runJob("/api/v1/billing-runs", csv.toString(), settings.accounts());
    }

    /** A bank registry of bench.burst payments spread over the benchmark accounts, with its control line. */
    double registryLinesPerSecond() throws Exception {
        int lines = settings.burst();
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            csv.append("REG-").append(prefix).append('-').append(i).append(';').append(prefix).append("A-")
                    .append(i % settings.accounts()).append(";10,00;20.11.2026\n");
        }
        csv.append("=;").append(lines).append(';').append(lines * 10L).append(",00\n");
        return runJob("/api/v1/payment-registries", csv.toString(), lines);
    }

    /**
     * Scale mode: the billing run of every benchmark account (one line each), then a registry of one payment
     * per account, each timed from the upload to the job's completion and on to every projection caught up.
     */
    ScaleJob scaleBillingRun() throws Exception {
        int lines = settings.accounts();
        StringBuilder csv = new StringBuilder(lines * 40).append("accountId,period,amount,kWh\n");
        for (int i = 0; i < lines; i++) {
            csv.append(prefix).append("A-").append(i).append(",2026-10,1234.50,250.5\n");
        }
        return scaleJob("/api/v1/billing-runs", csv.toString(), lines);
    }

    ScaleJob scaleRegistry() throws Exception {
        int lines = settings.accounts();
        StringBuilder csv = new StringBuilder(lines * 40);
        for (int i = 0; i < lines; i++) {
            csv.append("SCALE-").append(prefix).append('-').append(i).append(';').append(prefix).append("A-")
                    .append(i).append(";1000,00;20.11.2026\n");
        }
        csv.append("=;").append(lines).append(';').append(lines * 1000L).append(",00\n");
        return scaleJob("/api/v1/payment-registries", csv.toString(), lines);
    }

    /**
     * @param jobSeconds     upload to the job's completion
     * @param caughtUpSeconds upload to every projection of the catalog having processed every event
     * @param events         events the job appended
     */
    record ScaleJob(int lines, long events, double jobSeconds, double caughtUpSeconds, double workerCpuMillis,
                    double processCpuMillis) {
        /** CPU of the job's worker thread per line: what the path costs, whatever the machine's load. */
        double workerCpuMillisPerLine() {
            return workerCpuMillis / lines;
        }

        /** CPU of the whole JVM (worker, projections, HTTP) per line, from upload to projections caught up. */
        double processCpuMillisPerLine() {
            return processCpuMillis / lines;
        }

        double linesPerSecond() {
            return lines / jobSeconds;
        }

        double eventsPerSecond() {
            return events / jobSeconds;
        }

        double linesPerSecondCaughtUp() {
            return lines / caughtUpSeconds;
        }
    }

    private ScaleJob scaleJob(String path, String csv, int lines) throws Exception {
        long eventsBefore = storedEvents();
        long workerBefore = workerCpuNanos();
        long processBefore = processCpuNanos();
        long start = System.nanoTime();
        runJob(path, csv, lines, start);
        double jobSeconds = (System.nanoTime() - start) / 1e9;
        long worker = workerCpuNanos() - workerBefore;
        long events = storedEvents() - eventsBefore;
        awaitProjectionsCaughtUp(start);
        long process = processCpuNanos() - processBefore;
        return new ScaleJob(lines, events, jobSeconds, (System.nanoTime() - start) / 1e9, worker / 1e6,
                process / 1e6);
    }

    /** CPU time of the application's bulk-job worker thread (it runs in this JVM). */
    private static long workerCpuNanos() {
        var threads = ManagementFactory.getThreadMXBean();
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("bulk-jobs"))
                .mapToLong(t -> threads.getThreadCpuTime(t.threadId())).sum();
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    long storedEvents() {
        return ledger.jdbc().queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }

    /** Every projection of the catalog has processed every stored event (no lag). */
    void awaitProjectionsCaughtUp(long since) throws InterruptedException {
        java.util.List<String> names = ledger.projectionNames();
        while (true) {
            boolean caughtUp = true;
            for (String name : names) {
                ProjectionStatus status = ledger.projections().status(name);
                if (status.lagEvents() > 0) {
                    caughtUp = false;
                    break;
                }
            }
            if (caughtUp) {
                return;
            }
            if (System.nanoTime() - since > 3_600_000_000_000L) {
                throw new IllegalStateException("projections not caught up within an hour");
            }
            Thread.sleep(50);
        }
    }

    /** Opens the scale run's accounts through the gateway (there is no bulk opening), with progress. */
    LoadRunner.Result openScaleAccounts() throws Exception {
        return openAccounts(settings.accounts(), "A");
    }

    /** Heap in use after a full collection, in MB. */
    static double heapUsedMegabytes() throws InterruptedException {
        return usedAfterGc(ManagementFactory.getMemoryMXBean()) / 1024.0 / 1024.0;
    }

    /** The ledger database's size on disk (tables, indexes, TOAST) per million stored events, in MB. */
    double databaseMegabytesPerMillionEvents() {
        long bytes = ledger.jdbc().queryForObject("SELECT pg_database_size(current_database())", Long.class);
        return bytes / 1024.0 / 1024.0 * 1_000_000.0 / storedEvents();
    }

    private double runJob(String path, String csv, int lines) throws Exception {
        return runJob(path, csv, lines, System.nanoTime());
    }

    private double runJob(String path, String csv, int lines, long start) throws Exception {
        HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + ledger.port() + path))
                .header("Authorization", operator).header("Content-Type", "text/csv; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        expect(accepted.statusCode(), 202);
        String jobId = JSON.readTree(accepted.body()).get("jobId").asString();
        while (true) {
            HttpResponse<String> status = http.send(HttpRequest.newBuilder(URI.create(
                            "http://127.0.0.1:" + ledger.port() + "/api/v1/jobs/" + jobId))
                    .header("Authorization", operator).GET().build(), HttpResponse.BodyHandlers.ofString());
            var job = JSON.readTree(status.body());
            String state = job.get("state").asString();
            if (state.equals("COMPLETED")) {
                if (job.get("linesFailed").asInt() != 0) {
                    throw new IllegalStateException("bench job had failed lines: " + status.body());
                }
                return lines / ((System.nanoTime() - start) / 1e9);
            }
            if (System.nanoTime() - start > (settings.scale() > 0 ? 7_200_000_000_000L : 600_000_000_000L)) {
                throw new IllegalStateException("bench job not completed in time: " + status.body());
            }
            Thread.sleep(settings.scale() > 0 ? 1000 : 200);
        }
    }

    /**
     * Stops the balances processor, records a burst, restarts it and times how long it takes to catch up. In the
     * shared layout that processor runs three other projections as well, which catch up in the same batches.
     */
    double catchUpEventsPerSecond(String tag) throws Exception {
        StreamingEventProcessor processor = ledger.balancesProcessor();
        processor.shutDown();
        LoadRunner.closedLoopCounted(settings.threads(), settings.burst(), (thread, i) -> pay(tag, thread, i));
        long recorded = paymentsRecorded();
        long start = System.nanoTime();
        processor.start();
        while (paymentsProjected() < recorded) {
            Thread.sleep(5);
        }
        return settings.burst() / ((System.nanoTime() - start) / 1e9);
    }

    /**
     * Replays every projection of the catalog at once (the admin replay: tokens reset, tables emptied by the
     * reset handlers) and times until all of them report their replay finished. The rate is stored events
     * per second; every event passes through every replayed projection. One replay per processor: in the shared
     * layout one of its projections' replay rebuilds all of them (and a second one would be refused). The JVM's
     * CPU time per stored event over the same span is what the replay costs here whatever the machine's load
     * (PostgreSQL's share is not in it).
     */
    Replay fullReplay() throws Exception {
        long events = ledger.jdbc().queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
        java.util.List<String> names = ledger.projectionNames();
        long cpuBefore = processCpuNanos();
        double hitsBefore = ledger.sharedDeserialisationGets("hit");
        double missesBefore = ledger.sharedDeserialisationGets("miss");
        long start = System.nanoTime();
        java.util.Set<String> processors = new java.util.HashSet<>();
        for (String name : names) {
            if (processors.add(ledger.processorOf(name))) {
                ledger.projections().replay(name);
            }
        }
        while (true) {
            boolean done = true;
            for (String name : names) {
                ProjectionStatus status = ledger.projections().status(name);
                if (status.replay() == null || !status.replay().finished() || status.lagEvents() > 0) {
                    done = false;
                    break;
                }
            }
            if (done) {
                double seconds = (System.nanoTime() - start) / 1e9;
                double cpuMicrosPerEvent = (processCpuNanos() - cpuBefore) / 1e3 / events;
                double hits = ledger.sharedDeserialisationGets("hit") - hitsBefore;
                double gets = hits + ledger.sharedDeserialisationGets("miss") - missesBefore;
                return new Replay(events, names.size(), events / seconds, cpuMicrosPerEvent,
                        gets == 0 ? 0 : 100 * hits / gets);
            }
            if (System.nanoTime() - start > 900_000_000_000L) {
                throw new IllegalStateException("replay not finished within 15 minutes");
            }
            Thread.sleep(20);
        }
    }

    /** @param sharedHitPercent the share of deserialisations the replay's readers found already done */
    record Replay(long events, int projections, double eventsPerSecond, double cpuMicrosPerEvent,
                  double sharedHitPercent) {
    }

    /**
     * One account with {@code events} events (opened, then monthly cycles of a charge and a payment that
     * allocates to it, so the stream holds charges, payments and allocations like a real account's), then
     * its as-of balance on a business date in the middle of its history, known now, from 2 threads (the
     * machine's cores: this measures latency, not saturation).
     */
    LoadRunner.Result asOfBalances(int events) throws Exception {
        AccountId account = buildLongAccount(events);
        LocalDate asOf = RECEIVED_ON;
        return LoadRunner.closedLoop(2, Math.max(3, settings.seconds() / 2), (thread, i) ->
                ledger.asOfBalances().balance(account, asOf, ledger.clock().instant()).orElseThrow());
    }

    /** The same as-of balance over HTTP ({@code GET /accounts/{id}/balance?asOf=}), 2 threads. */
    LoadRunner.Result httpAsOfBalances(int events) throws Exception {
        AccountId account = buildLongAccount(events);
        return LoadRunner.closedLoop(2, Math.max(3, settings.seconds() / 2), (thread, i) -> {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(
                            "http://127.0.0.1:" + ledger.port() + "/api/v1/accounts/" + account.value()
                                    + "/balance?asOf=" + RECEIVED_ON))
                    .header("Authorization", finance).GET().build(), HttpResponse.BodyHandlers.discarding());
            expect(response.statusCode(), 200);
        });
    }

    /**
     * One thread recording payments that each settle a fresh charge, on the account with {@code events}
     * events and, for comparison, on an account with almost none: the difference is the per-command cost
     * of a long history in the aggregate (its debt ledger), since both accounts are cached.
     */
    Latencies.Summary[] busyAccountPayments(int events, int payments) throws Exception {
        AccountId busy = buildLongAccount(events);
        AccountId fresh = AccountId.of(prefix + "FRESH-" + events);
        ledger.gateway().sendAndWait(new OpenAccount(fresh, "Short History", RegionCode.of("77"), OPENED_ON));
        return new Latencies.Summary[] {chargeAndPay(busy, "BUSY", payments), chargeAndPay(fresh, "FRESH", payments)};
    }

    private Latencies.Summary chargeAndPay(AccountId account, String tag, int payments) {
        Latencies latencies = new Latencies();
        for (int i = 0; i < payments; i++) {
            ledger.gateway().sendAndWait(new PostCharge(account, ChargeId.of(tag + "-C-" + i),
                    BillingPeriod.of(OPENED_ON.plusMonths(i % 10)), Money.parse("10.00"), null, null));
            long start = System.nanoTime();
            ledger.gateway().sendAndWait(new RecordPayment(account, PaymentId.of(tag + "-P-" + i),
                    Money.parse("10.00"), PaymentChannel.MOBILE_APP, RECEIVED_ON, null));
            latencies.record(System.nanoTime() - start);
        }
        return Latencies.summarise(java.util.List.of(latencies));
    }

    private AccountId buildLongAccount(int events) {
        AccountId account = AccountId.of(prefix + "LONG-" + events);
        if (storedEvents(account) > 0) {
            return account;
        }
        ledger.gateway().sendAndWait(new OpenAccount(account, "Long History", RegionCode.of("77"), OPENED_ON));
        for (int cycle = 0; storedEvents(account) < events; cycle++) {
            long left = events - storedEvents(account);
            if (left >= 3) {
                ledger.gateway().sendAndWait(new PostCharge(account, ChargeId.of("LONG-" + cycle),
                        BillingPeriod.of(OPENED_ON.plusMonths(cycle % 10)), Money.parse("100.00"), null, null));
                ledger.gateway().sendAndWait(new RecordPayment(account, PaymentId.of("LONG-" + cycle),
                        Money.parse("100.00"), PaymentChannel.MOBILE_APP, RECEIVED_ON, null));
            } else {
                ledger.gateway().sendAndWait(new RecordPayment(account, PaymentId.of("LONG-X-" + cycle),
                        Money.parse("1.00"), PaymentChannel.MOBILE_APP, RECEIVED_ON, null));
            }
        }
        return account;
    }

    private long storedEvents(AccountId account) {
        return ledger.jdbc().queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, account.value());
    }

    /**
     * Runs a workload while sampling how long the newest event takes to show in the balances projection:
     * every 20 ms the head event is noted, and its lag is the time until its account row has applied it.
     */
    <T> LagSample withLagSampling(Callable<T> workload) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        Latencies lags = new Latencies();
        Thread sampler = Thread.ofPlatform().start(() -> {
            Deque<Object[]> pending = new ArrayDeque<>();
            while (running.get() || !pending.isEmpty()) {
                long now = System.nanoTime();
                if (running.get()) {
                    ledger.jdbc().query("""
                            SELECT aggregate_identifier, sequence_number FROM domain_event_entry
                             ORDER BY global_index DESC LIMIT 1""", rs -> {
                        pending.add(new Object[]{now, rs.getString(1), rs.getLong(2)});
                    });
                }
                while (!pending.isEmpty() && applied((String) pending.peek()[1], (Long) pending.peek()[2])) {
                    lags.record(System.nanoTime() - (Long) pending.poll()[0]);
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        T result = workload.call();
        running.set(false);
        sampler.join(30_000);
        return new LagSample(result, Latencies.summarise(java.util.List.of(lags)));
    }

    private boolean applied(String account, long sequence) {
        Long last = ledger.jdbc().query("SELECT last_sequence FROM account_balance WHERE account_id = ?",
                rs -> rs.next() ? rs.getLong(1) : null, account);
        return last != null && last >= sequence;
    }

    private long paymentsRecorded() {
        return ledger.jdbc().queryForObject("""
                SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%.PaymentRecorded'""", Long.class);
    }

    private long paymentsProjected() {
        return ledger.jdbc().queryForObject("SELECT coalesce(sum(payment_count), 0) FROM account_balance", Long.class);
    }

    interface Callable<T> {
        T call() throws Exception;
    }

    record LagSample(Object result, Latencies.Summary lag) {
    }

    /** Heap retained by the application after opening and loading accounts, scaled to a million accounts. */
    double heapMegabytesPerMillionAccounts() throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = usedAfterGc(memory);
        int count = settings.heapAccounts();
        openAccounts(count, "H");
        long after = usedAfterGc(memory);
        return Math.max(0, after - before) / 1024.0 / 1024.0 * (1_000_000.0 / count);
    }

    private static long usedAfterGc(MemoryMXBean memory) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private void pay(String tag, int thread, long i) {
        ledger.gateway().sendAndWait(new RecordPayment(randomAccount(), PaymentId.of(tag + "-" + thread + "-" + i),
                AMOUNT, PaymentChannel.MOBILE_APP, RECEIVED_ON, null));
    }

    private void httpPay(String tag, int thread, long i) throws Exception {
        String body = """
                {"paymentId":"%s-%d-%d","amount":"1000.00","channel":"MOBILE_APP","receivedOn":"2026-11-02"}"""
                .formatted(tag, thread, i);
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + ledger.port() + "/api/v1/accounts/" + randomAccount() + "/payments"))
                .header("Authorization", operator).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.discarding());
        expect(response.statusCode(), 201);
    }

    private AccountId randomAccount() {
        return AccountId.of(prefix + "A-" + ThreadLocalRandom.current().nextInt(settings.accounts()));
    }

    private static void expect(int status, int expected) {
        if (status != expected) {
            throw new IllegalStateException("HTTP " + status + ", expected " + expected);
        }
    }
}
