package ru.utility.ledger.bench;

import java.util.Arrays;

/** Latencies of one thread in nanoseconds; merged and sorted once at the end (no sampling). */
final class Latencies {

    private long[] values = new long[1 << 16];
    private int size;

    void record(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    int count() {
        return size;
    }

    static Summary summarise(Iterable<Latencies> parts) {
        int total = 0;
        for (Latencies part : parts) {
            total += part.size;
        }
        long[] all = new long[total];
        int at = 0;
        for (Latencies part : parts) {
            System.arraycopy(part.values, 0, all, at, part.size);
            at += part.size;
        }
        Arrays.sort(all);
        return new Summary(total, percentile(all, 0.50), percentile(all, 0.99));
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1_000_000.0;
    }

    /** Percentiles in milliseconds. */
    record Summary(int count, double p50Millis, double p99Millis) {
    }
}
