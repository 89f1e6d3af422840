package ru.utility.ledger.bench;

import java.nio.file.Path;

/**
 * Scale parameters, from system properties (-Dbench.accounts=... on the exec:java command line).
 * {@code bench.scale} (0: off) runs the scale mode with that many accounts instead of the phases.
 */
record BenchSettings(int accounts, int threads, int seconds, int burst, int heapAccounts, Path output,
                     boolean profile, boolean quick, int scale) {

    static BenchSettings fromSystemProperties() {
        int scale = Integer.getInteger("bench.scale", 0);
        return new BenchSettings(
                scale > 0 ? scale : Integer.getInteger("bench.accounts", 2_000),
                Integer.getInteger("bench.threads", 16),
                Integer.getInteger("bench.seconds", 10),
                Integer.getInteger("bench.burst", 20_000),
                Integer.getInteger("bench.heapAccounts", 20_000),
                Path.of(System.getProperty("bench.output", "ledger-bench/target/bench-results.json")),
                Boolean.getBoolean("bench.profile"),
                Boolean.getBoolean("bench.quick"),
                scale);
    }
}
