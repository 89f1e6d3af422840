package ru.utility.ledger.api.config;

import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

/**
 * The aggregate cache: up to {@code capacity} aggregates, held strongly. Axon's {@code WeakReferenceCache}
 * loses every aggregate that no command holds at the next garbage collection (weak references are cleared
 * by young collections too), and the profile showed a third of the billing run's command time re-reading
 * accounts from the store. Past {@code capacity} a tenth of the entries (arbitrary ones) are dropped, which
 * only costs those aggregates a reload; the map is concurrent, so lookups take no lock (a synchronized
 * LRU map was a top contention site under load). Axon's caching repository evicts an aggregate whose unit
 * of work rolls back, so only committed state is served.
 */
public class BoundedAggregateCache implements Cache {

    private final int capacity;
    private final ConcurrentHashMap<Object, Object> entries = new ConcurrentHashMap<>();
    private final List<EntryListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean evicting = new AtomicBoolean();

    public BoundedAggregateCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("aggregate cache capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        Object value = entries.get(key);
        if (value != null && !listeners.isEmpty()) {
            listeners.forEach(l -> l.onEntryRead(key, value));
        }
        return (V) value;
    }

    @Override
    public void put(Object key, Object value) {
        if (value == null) {
            remove(key);
            return;
        }
        boolean existed = entries.put(key, value) != null;
        listeners.forEach(l -> {
            if (existed) {
                l.onEntryUpdated(key, value);
            } else {
                l.onEntryCreated(key, value);
            }
        });
        evictIfFull();
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        if (entries.putIfAbsent(key, value) != null) {
            return false;
        }
        listeners.forEach(l -> l.onEntryCreated(key, value));
        evictIfFull();
        return true;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        Object present = entries.get(key);
        if (present != null) {
            return (T) present;
        }
        T value = valueSupplier.get();
        if (value == null) {
            throw new IllegalStateException("the supplier of cache key " + key + " gave null");
        }
        Object raced = entries.putIfAbsent(key, value);
        if (raced != null) {
            return (T) raced;
        }
        listeners.forEach(l -> l.onEntryCreated(key, value));
        evictIfFull();
        return value;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        Object updated = entries.computeIfPresent(key, (k, present) -> update.apply((V) present));
        if (updated == null) {
            listeners.forEach(l -> l.onEntryRemoved(key));
        } else {
            listeners.forEach(l -> l.onEntryUpdated(key, updated));
        }
    }

    @Override
    public boolean remove(Object key) {
        if (entries.remove(key) == null) {
            return false;
        }
        listeners.forEach(l -> l.onEntryRemoved(key));
        return true;
    }

    @Override
    public void removeAll() {
        List.copyOf(entries.keySet()).forEach(this::remove);
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    public int size() {
        return entries.size();
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void evictIfFull() {
        if (entries.size() <= capacity || !evicting.compareAndSet(false, true)) {
            return;
        }
        try {
            int target = capacity - Math.max(1, capacity / 10);
            Iterator<Object> keys = entries.keySet().iterator();
            while (entries.size() > target && keys.hasNext()) {
                Object key = keys.next();
                keys.remove();
                listeners.forEach(l -> l.onEntryExpired(key));
            }
        } finally {
            evicting.set(false);
        }
    }
}
