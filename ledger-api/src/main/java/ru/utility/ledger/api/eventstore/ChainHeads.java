package ru.utility.ledger.api.eventstore;

import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The hash of the newest committed event per aggregate, kept in memory so an append does not read its
 * predecessor's row back. An entry is keyed by the exact sequence number it sealed and is recorded only
 * after its transaction committed, so it is a fact of the store: a committed (aggregate, sequence) row is
 * never rewritten, and a lookup for any other predecessor sequence misses and falls back to the stored row.
 * Bounded: past {@code capacity} entries a tenth of them (arbitrary ones) are dropped, which only costs
 * those aggregates one read. Lock-free on the hot path (a synchronized map showed up as the top
 * contention site in the payments profile).
 */
public final class ChainHeads {

    private record Head(long sequence, byte[] hash) {
    }

    private final int capacity;
    private final ConcurrentHashMap<String, Head> heads = new ConcurrentHashMap<>();
    private final AtomicBoolean evicting = new AtomicBoolean();

    public ChainHeads(int capacity) {
        this.capacity = Math.max(0, capacity);
    }

    /** The committed hash of {@code aggregate}'s event {@code sequence}, or null when not known here. */
    public byte[] hashOf(String aggregate, long sequence) {
        Head head = heads.get(aggregate);
        return head != null && head.sequence() == sequence ? head.hash() : null;
    }

    /** Records a committed event's hash; an older sequence never replaces a newer one. */
    public void committed(String aggregate, long sequence, byte[] hash) {
        if (capacity == 0) {
            return;
        }
        heads.merge(aggregate, new Head(sequence, hash),
                (current, offered) -> current.sequence() < offered.sequence() ? offered : current);
        if (heads.size() > capacity && evicting.compareAndSet(false, true)) {
            try {
                int target = capacity - Math.max(1, capacity / 10);
                Iterator<String> keys = heads.keySet().iterator();
                while (heads.size() > target && keys.hasNext()) {
                    keys.next();
                    keys.remove();
                }
            } finally {
                evicting.set(false);
            }
        }
    }

    public int size() {
        return heads.size();
    }
}
