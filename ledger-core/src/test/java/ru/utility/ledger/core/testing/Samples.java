package ru.utility.ledger.core.testing;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.stream.LongStream;

/**
 * A minimal property-check harness: boundary values first, then seeded random values, so every run
 * checks the same cases and a failure names the case and the seed to reproduce it.
 * Set -Dsamples.seed=N to explore other random values.
 */
public final class Samples {

    public static final int RANDOM_COUNT = 2_000;
    private static final long SEED = Long.getLong("samples.seed", 20_261_001L);

    private static final List<Long> EDGES = List.of(0L, 1L, -1L, 99L, -99L, 100L, -100L, 101L, -101L,
            Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE - 1, Long.MIN_VALUE + 1,
            Long.MAX_VALUE / 2, Long.MIN_VALUE / 2, Long.MAX_VALUE / 2 + 1, Long.MIN_VALUE / 2 - 1);

    private Samples() {
    }

    /** Boundaries, then random longs drawn alternately from the whole range and from small amounts. */
    public static long[] longs() {
        SplittableRandom random = new SplittableRandom(SEED);
        LongStream randoms = LongStream.range(0, RANDOM_COUNT)
                .map(i -> i % 2 == 0 ? random.nextLong() : random.nextLong(-1_000_000, 1_000_000));
        return LongStream.concat(EDGES.stream().mapToLong(Long::longValue), randoms).toArray();
    }

    /** Random longs in [min, max] after the boundaries that fall inside it. */
    public static long[] longsBetween(long min, long max) {
        SplittableRandom random = new SplittableRandom(SEED);
        LongStream edges = LongStream.concat(EDGES.stream().mapToLong(Long::longValue), LongStream.of(min, max))
                .filter(v -> v >= min && v <= max);
        LongStream randoms = LongStream.range(0, RANDOM_COUNT).map(i -> min + random.nextLong(max - min + 1));
        return LongStream.concat(edges, randoms).toArray();
    }

    /** Checks a property on every sample; the first failure is reported with its sample and the seed. */
    public static void forAll(long[] samples, Consumer<Long> property) {
        for (long sample : samples) {
            check(property, sample, String.valueOf(sample));
        }
    }

    /** Checks a property on pairs: each sample with itself, with every boundary in their range and with two seeded partners. */
    public static void forAllPairs(long[] samples, PairProperty property) {
        SplittableRandom random = new SplittableRandom(SEED ^ 0x5DEECE66DL);
        long min = LongStream.of(samples).min().orElseThrow();
        long max = LongStream.of(samples).max().orElseThrow();
        long[] edges = EDGES.stream().mapToLong(Long::longValue).filter(v -> v >= min && v <= max).toArray();
        for (long a : samples) {
            LongStream partners = LongStream.concat(LongStream.of(a, samples[random.nextInt(samples.length)],
                    samples[random.nextInt(samples.length)]), LongStream.of(edges));
            partners.forEach(b -> check(ignored -> property.check(a, b), a, a + ", " + b));
        }
    }

    @FunctionalInterface
    public interface PairProperty {
        void check(long a, long b);
    }

    private static void check(Consumer<Long> property, long sample, String description) {
        try {
            property.accept(sample);
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError("property falsified for (" + description + ") with samples.seed=" + SEED, e);
        }
    }
}
