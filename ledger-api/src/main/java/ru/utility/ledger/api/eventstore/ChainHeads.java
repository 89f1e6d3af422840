package ru.utility.ledger.api.eventstore;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

/**
 * The hash of the newest committed event per aggregate, kept in memory so an append does not read its
 * predecessor's row back. An entry is keyed by the exact sequence number it sealed and is recorded only
 * after its transaction committed, so it is a fact of the store: a committed (aggregate, sequence) row is
 * never rewritten, and a lookup for any other predecessor sequence misses and falls back to the stored row.
 * A Caffeine cache bounded to {@code capacity} aggregates (least recently and least frequently used go first,
 * which only costs those aggregates one read), with its hits, misses and evictions in the metrics as cache
 * {@value #METRICS_NAME}.
 */
public final class ChainHeads implements MeterBinder {

    public static final String METRICS_NAME = "ledger.chain-heads";

    private record Head(long sequence, byte[] hash) {
    }

    private final Cache<String, Head> heads;
    private final boolean enabled;

    public ChainHeads(int capacity) {
        this.enabled = capacity > 0;
        // Maintenance (eviction) on the writing thread: bounded work per write, and no common-pool task
        // that outlives the application in tests.
        this.heads = Caffeine.newBuilder().maximumSize(Math.max(0, capacity)).executor(Runnable::run)
                .recordStats().build();
    }

    /** The committed hash of {@code aggregate}'s event {@code sequence}, or null when not known here. */
    public byte[] hashOf(String aggregate, long sequence) {
        Head head = heads.getIfPresent(aggregate);
        return head != null && head.sequence() == sequence ? head.hash() : null;
    }

    /** Records a committed event's hash; an older sequence never replaces a newer one. */
    public void committed(String aggregate, long sequence, byte[] hash) {
        if (!enabled) {
            return;
        }
        heads.asMap().merge(aggregate, new Head(sequence, hash),
                (current, offered) -> current.sequence() < offered.sequence() ? offered : current);
    }

    public long size() {
        heads.cleanUp();
        return heads.estimatedSize();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        CaffeineCacheMetrics.monitor(registry, heads, METRICS_NAME);
    }
}
