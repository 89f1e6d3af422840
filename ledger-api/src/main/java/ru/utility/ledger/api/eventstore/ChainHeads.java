package ru.utility.ledger.api.eventstore;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The hash of the newest committed event per aggregate, kept in memory so an append does not read its
 * predecessor's row back. An entry is keyed by the exact sequence number it sealed and is recorded only
 * after its transaction committed, so it is a fact of the store: a committed (aggregate, sequence) row is
 * never rewritten, and a lookup for any other predecessor sequence misses and falls back to the stored row.
 * Bounded (least recently used out), so it costs a fixed amount of memory however many accounts there are.
 */
public final class ChainHeads {

    private record Head(long sequence, byte[] hash) {
    }

    private final Map<String, Head> heads;

    public ChainHeads(int capacity) {
        this.heads = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Head> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The committed hash of {@code aggregate}'s event {@code sequence}, or null when not known here. */
    public synchronized byte[] hashOf(String aggregate, long sequence) {
        Head head = heads.get(aggregate);
        return head != null && head.sequence() == sequence ? head.hash() : null;
    }

    /** Records a committed event's hash; an older sequence never replaces a newer one. */
    public synchronized void committed(String aggregate, long sequence, byte[] hash) {
        Head current = heads.get(aggregate);
        if (current == null || current.sequence() < sequence) {
            heads.put(aggregate, new Head(sequence, hash));
        }
    }

    public synchronized int size() {
        return heads.size();
    }
}
