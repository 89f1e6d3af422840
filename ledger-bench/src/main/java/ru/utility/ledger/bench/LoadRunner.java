package ru.utility.ledger.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs an operation from many threads, either as fast as possible (closed loop) or at a fixed total rate
 * (open loop, latency measured from the intended start so that queueing is not hidden).
 */
final class LoadRunner {

    @FunctionalInterface
    interface Operation {
        void run(int thread, long sequence) throws Exception;
    }

    record Result(long operations, double seconds, Latencies.Summary latency) {
        double perSecond() {
            return operations / seconds;
        }
    }

    static Result closedLoop(int threads, double seconds, Operation operation) throws Exception {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        return run(threads, thread -> {
            Latencies latencies = new Latencies();
            for (long i = 0; System.nanoTime() < deadline; i++) {
                long start = System.nanoTime();
                operation.run(thread, i);
                latencies.record(System.nanoTime() - start);
            }
            return latencies;
        });
    }

    /** Exactly {@code count} operations shared by the threads, as fast as possible. */
    static Result closedLoopCounted(int threads, long count, Operation operation) throws Exception {
        java.util.concurrent.atomic.AtomicLong next = new java.util.concurrent.atomic.AtomicLong();
        return run(threads, thread -> {
            Latencies latencies = new Latencies();
            for (long i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                long start = System.nanoTime();
                operation.run(thread, i);
                latencies.record(System.nanoTime() - start);
            }
            return latencies;
        });
    }

    static Result openLoop(int threads, double seconds, double ratePerSecond, Operation operation) throws Exception {
        long begin = System.nanoTime() + 50_000_000L;
        long total = (long) (ratePerSecond * seconds);
        double intervalNanos = 1e9 / ratePerSecond;
        return run(threads, thread -> {
            Latencies latencies = new Latencies();
            for (long k = thread; k < total; k += threads) {
                long intended = begin + (long) (k * intervalNanos);
                long wait = intended - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                operation.run(thread, k);
                latencies.record(System.nanoTime() - intended);
            }
            return latencies;
        });
    }

    @FunctionalInterface
    private interface Worker {
        Latencies work(int thread) throws Exception;
    }

    private static Result run(int threads, Worker worker) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            List<Future<Latencies>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> worker.work(thread)));
            }
            List<Latencies> parts = new ArrayList<>();
            for (Future<Latencies> future : futures) {
                parts.add(future.get());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Latencies.Summary summary = Latencies.summarise(parts);
            return new Result(summary.count(), seconds, summary);
        } finally {
            pool.shutdownNow();
        }
    }
}
