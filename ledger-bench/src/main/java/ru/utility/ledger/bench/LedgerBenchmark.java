package ru.utility.ledger.bench;

import com.zaxxer.hikari.HikariDataSource;

/**
 * One command, one run: raw PostgreSQL baselines, the ledger as shipped, and Axon's out-of-the-box peer,
 * all on the same embedded PostgreSQL with durable settings. Figures are reported as ratios to the
 * baselines measured in this run, because absolute numbers drift on a shared machine.
 *
 * <pre>./mvnw -q -pl ledger-bench -am compile exec:exec [-Dbench.seconds=10 -Dbench.accounts=2000 ...]</pre>
 */
public final class LedgerBenchmark {

    public static void main(String[] args) throws Exception {
        BenchSettings settings = BenchSettings.fromSystemProperties();
        Report report = new Report();
        report.environment("cores", Runtime.getRuntime().availableProcessors());
        report.environment("maxHeapMb", Runtime.getRuntime().maxMemory() / 1024 / 1024);
        report.environment("java", System.getProperty("java.version"));
        report.environment("settings", settings.toString());
        System.out.println("Utility Ledger benchmark " + settings);

        try (BenchPostgres postgres = new BenchPostgres()) {
            System.out.println("\n== Baselines: raw PostgreSQL");
            double b1;
            double b2;
            double b3;
            try (HikariDataSource raw = postgres.pool(postgres.createDatabase("raw"), settings.threads() + 4)) {
                Baselines baselines = new Baselines(raw, settings);
                baselines.createTables();
                b1 = baselines.singleRowInserts().perSecond();
                report.add("B1 single-row INSERT tx/s (" + settings.threads() + " threads)", b1, "tx/s");
                b2 = baselines.multiRowInserts(2).perSecond();
                report.add("B2 multi-row INSERT rows/s (500/statement, 2 threads)", b2, "rows/s");
                b3 = baselines.plainSqlLedger().perSecond();
                report.add("B3 plain SQL ledger payments/s (" + settings.threads() + " threads)", b3, "tx/s");
            }

            if (settings.scale() > 0) {
                scale(postgres, settings, report, b2);
            } else {
                double ours;
                System.out.println("\n== The ledger as shipped");
                // Closing the application (its processors, job worker and pool) before the database it uses.
                try (LedgerUnderTest ledger = LedgerUnderTest.ours(postgres.createDatabase("ledger_ours"))) {
                    LedgerWorkloads work = new LedgerWorkloads(ledger, settings, "O");
                    LoadRunner.Result opened = work.openAccounts(settings.accounts(), "A");
                    report.add("open accounts via command gateway", opened.perSecond(), "cmd/s");
                    work.gatewayPayments("warm");
                    ours = settings.quick() ? quick(work, report, b1, b2) : full(work, settings, report, b1, b2, b3);
                }
                if (!settings.quick()) {
                    peer(postgres, settings, report, ours);
                }
            }
        }
        report.print();
        report.write(settings.output());
        // The application and the database are closed; only JDK and pool threads may be left.
        System.exit(0);
    }

    private static double full(LedgerWorkloads work, BenchSettings settings, Report report, double b1, double b2,
                               double b3) throws Exception {
        LoadRunner.Result full;
        try (PhaseProfiler profile = PhaseProfiler.start(settings, "payments")) {
            full = work.gatewayPayments("gw");
        }
        double ours = full.perSecond();
        report.ratio("payments via command gateway, full load", ours, "cmd/s", "B1", b1, ">= 30%");
        report.ratio("payments via command gateway vs plain SQL ledger", ours, "cmd/s", "B3", b3, "> 100%");
        report.add("  latency p50 at full load", full.latency().p50Millis(), "ms");
        report.add("  latency p99 at full load", full.latency().p99Millis(), "ms");
        LedgerWorkloads.LagSample half = work.withLagSampling(
                () -> work.gatewayPaymentsAtRate("gwhalf", ours / 2));
        LoadRunner.Result halfResult = (LoadRunner.Result) half.result();
        report.add("  latency p50 at half load", halfResult.latency().p50Millis(), "ms");
        report.ratio("  latency p99 at half load", halfResult.latency().p99Millis(), "ms", "25 ms", 25,
                "<= 100%");
        report.ratio("balances projection lag p99 (steady, half load)", half.lag().p99Millis(), "ms",
                "1 s", 1000, "< 100%");

        work.httpPayments("httpwarm");
        LoadRunner.Result httpFull = work.httpPayments("http");
        report.ratio("payments over HTTP, full load", httpFull.perSecond(), "req/s", "B1", b1, ">= 30%");
        report.add("  latency p50 at full load", httpFull.latency().p50Millis(), "ms");
        report.add("  latency p99 at full load", httpFull.latency().p99Millis(), "ms");
        LoadRunner.Result httpHalf = work.httpPaymentsAtRate("httphalf", httpFull.perSecond() / 2);
        report.add("  latency p50 at half load", httpHalf.latency().p50Millis(), "ms");
        report.ratio("  latency p99 at half load", httpHalf.latency().p99Millis(), "ms", "25 ms", 25,
                "<= 100%");

        double billing;
        try (PhaseProfiler profile = PhaseProfiler.start(settings, "billing")) {
            billing = work.billingRunLinesPerSecond();
        }
        report.ratio("billing run (bulk job), lines/s", billing, "lines/s", "B2", b2, ">= 50%");
        double registry = work.registryLinesPerSecond();
        report.ratio("bank registry import (bulk job), lines/s", registry, "lines/s", "B2", b2, ">= 50%");

        double catchUp = work.catchUpEventsPerSecond("burst");
        report.ratio("balances projection catch-up after a burst", catchUp, "events/s", "billing run",
                billing, ">= 100%");

        LedgerWorkloads.Replay replay = work.fullReplay();
        report.ratio("full replay of all " + replay.projections() + " projections (" + replay.events()
                + " events)", replay.eventsPerSecond(), "events/s", "B2", b2, ">= 25%");
        report.add("  CPU of the whole JVM per replayed event", replay.cpuMicrosPerEvent(), "us");
        report.add("  deserialisations shared (hits of the shared cache)", replay.sharedHitPercent(), "%");

        LoadRunner.Result queries = work.balanceQueries();
        report.add("balance queries (projection, in-process)", queries.perSecond(), "q/s");
        report.ratio("  latency p99", queries.latency().p99Millis(), "ms", "5 ms", 5, "<= 100%");
        LoadRunner.Result httpQueries = work.httpBalanceQueries();
        report.add("balance queries over HTTP", httpQueries.perSecond(), "q/s");
        report.ratio("  latency p99", httpQueries.latency().p99Millis(), "ms", "5 ms", 5, "<= 100%");

        LoadRunner.Result asOf;
        try (PhaseProfiler profile = PhaseProfiler.start(settings, "asof")) {
            asOf = work.asOfBalances(500);
        }
        report.add("as-of balance, 500-event account (in-process, 2 threads)", asOf.perSecond(), "q/s");
        report.add("  latency p50", asOf.latency().p50Millis(), "ms");
        report.ratio("  latency p99", asOf.latency().p99Millis(), "ms", "20 ms", 20, "<= 100%");
        LoadRunner.Result httpAsOf = work.httpAsOfBalances(500);
        report.add("as-of balance, 500-event account over HTTP (2 threads)", httpAsOf.perSecond(), "q/s");
        report.add("  latency p50", httpAsOf.latency().p50Millis(), "ms");
        report.ratio("  latency p99", httpAsOf.latency().p99Millis(), "ms", "20 ms", 20, "<= 100%");

        Latencies.Summary[] busy = work.busyAccountPayments(500, 100);
        report.add("payment p50 on the 500-event account (1 thread)", busy[0].p50Millis(), "ms");
        report.add("payment p50 on a new account (1 thread)", busy[1].p50Millis(), "ms");

        report.add("heap retained per million accounts (cache bounded at 100,000)",
                work.heapMegabytesPerMillionAccounts(), "MB");
        return ours;
    }

    private static void peer(BenchPostgres postgres, BenchSettings settings, Report report, double ours)
            throws Exception {
        System.out.println("\n== Peer: Axon out of the box (tracking processor, batch size 1, no cache)");
        try (LedgerUnderTest peer = LedgerUnderTest.peer(postgres.createDatabase("ledger_peer"))) {
            LedgerWorkloads work = new LedgerWorkloads(peer, settings, "P");
            work.openAccounts(settings.accounts(), "A");
            work.gatewayPayments("warm");
            LoadRunner.Result full = work.gatewayPayments("gw");
            report.add("peer payments via command gateway, full load", full.perSecond(), "cmd/s");
            report.ratio("ours vs peer, interactive payments", ours, "cmd/s", "peer", full.perSecond(), ">= 500%");
        }
    }

    /**
     * {@code -Dbench.scale=N}: N accounts opened through the gateway, billed by one billing-run upload, then
     * one registry of N payments, each timed from the upload to the job's completion and to every projection
     * caught up; then heap, database size per million events and the balance query on the N-account tables.
     */
    private static void scale(BenchPostgres postgres, BenchSettings settings, Report report, double b2)
            throws Exception {
        System.out.println("\n== Scale: " + settings.accounts() + " accounts, the ledger as shipped");
        try (LedgerUnderTest ledger = LedgerUnderTest.ours(postgres.createDatabase("ledger_scale"))) {
            LedgerWorkloads work = new LedgerWorkloads(ledger, settings, "S");
            LoadRunner.Result opened = work.openScaleAccounts();
            report.add("open " + settings.accounts() + " accounts via command gateway", opened.perSecond(), "cmd/s");
            work.awaitProjectionsCaughtUp(System.nanoTime());
            scaleJob(report, "billing run", work.scaleBillingRun(), b2);
            scaleJob(report, "bank registry", work.scaleRegistry(), b2);
            report.add("heap used after GC, application and benchmark", LedgerWorkloads.heapUsedMegabytes(), "MB");
            report.add("database size per million events", work.databaseMegabytesPerMillionEvents(), "MB");
            LoadRunner.Result queries = work.balanceQueries();
            report.add("balance queries on " + settings.accounts() + " accounts (in-process)", queries.perSecond(),
                    "q/s");
            report.ratio("  latency p99", queries.latency().p99Millis(), "ms", "5 ms", 5, "<= 100%");
        }
    }

    private static void scaleJob(Report report, String name, LedgerWorkloads.ScaleJob job, double b2) {
        report.ratio(name + " (" + job.lines() + " lines), upload to completion", job.linesPerSecond(), "lines/s",
                "B2", b2, ">= 50%");
        report.ratio("  events appended (" + job.events() + ")", job.eventsPerSecond(), "events/s", "B2", b2, null);
        report.ratio("  upload to every projection caught up", job.linesPerSecondCaughtUp(), "lines/s", "B2", b2,
                null);
        report.add("  CPU of the job's worker per line", job.workerCpuMillisPerLine(), "ms");
        report.add("  CPU of the whole JVM per line, to projections caught up", job.processCpuMillisPerLine(), "ms");
    }

    /**
     * {@code -Dbench.quick=true}: only the figures a tuning step moves most (gateway payments at full load,
     * billing run, registry import, full replay), for before/after runs taken close together.
     */
    private static double quick(LedgerWorkloads work, Report report, double b1, double b2) throws Exception {
        BenchSettings settings = BenchSettings.fromSystemProperties();
        work.gatewayPayments("warm");
        LoadRunner.Result full;
        try (PhaseProfiler profile = PhaseProfiler.start(settings, "payments")) {
            full = work.gatewayPayments("gw");
        }
        report.ratio("payments via command gateway, full load", full.perSecond(), "cmd/s", "B1", b1, ">= 30%");
        report.add("  latency p99 at full load", full.latency().p99Millis(), "ms");
        try (PhaseProfiler profile = PhaseProfiler.start(settings, "billing")) {
            report.ratio("billing run (bulk job), lines/s", work.billingRunLinesPerSecond(), "lines/s", "B2", b2,
                    ">= 50%");
        }
        report.ratio("bank registry import (bulk job), lines/s", work.registryLinesPerSecond(), "lines/s", "B2", b2,
                ">= 50%");
        LedgerWorkloads.Replay replay = work.fullReplay();
        report.ratio("full replay of all " + replay.projections() + " projections (" + replay.events()
                + " events)", replay.eventsPerSecond(), "events/s", "B2", b2, ">= 25%");
        report.add("  CPU of the whole JVM per replayed event", replay.cpuMicrosPerEvent(), "us");
        report.add("  deserialisations shared (hits of the shared cache)", replay.sharedHitPercent(), "%");
        LoadRunner.Result asOf;
        try (PhaseProfiler profile = PhaseProfiler.start(settings, "asof")) {
            asOf = work.asOfBalances(500);
        }
        report.add("as-of balance, 500-event account, p50 (in-process, 2 threads)", asOf.latency().p50Millis(), "ms");
        report.ratio("  latency p99", asOf.latency().p99Millis(), "ms", "20 ms", 20, "<= 100%");
        Latencies.Summary[] busy = work.busyAccountPayments(500, 100);
        report.add("payment p50 on the 500-event account (1 thread)", busy[0].p50Millis(), "ms");
        report.add("payment p50 on a new account (1 thread)", busy[1].p50Millis(), "ms");
        return full.perSecond();
    }
}
