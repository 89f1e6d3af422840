package ru.utility.ledger.api.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.ConcurrentStatsCounter;
import com.github.benmanes.caffeine.cache.stats.StatsCounter;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

/**
 * The aggregate cache: up to {@code capacity} aggregates, held strongly. Axon's {@code WeakReferenceCache}
 * loses every aggregate that no command holds at the next garbage collection (weak references are cleared
 * by young collections too), and the profile showed a third of the billing run's command time re-reading
 * accounts from the store. The shared entries are a Caffeine cache bounded to {@code capacity}: past it the
 * entries Caffeine's policy (W-TinyLFU) values least are evicted, which only costs those aggregates a reload,
 * and lookups take no lock (a synchronized LRU map was a top contention site under load). Its hits, misses
 * and evictions are in the metrics as cache {@value #METRICS_NAME}.
 *
 * <p>Only committed state is served, whatever way a unit of work ends. Axon's caching repository hands the
 * cached aggregate object itself to the command, which changes it in place, and relies on its rollback phase
 * to evict it; an Error thrown while committing skips that phase and left the uncommitted change cached, to be
 * answered as "already recorded" by the next command (issue 14). So inside a unit of work {@link #get} takes
 * the entry out of the shared map, {@link #put} keeps it with the root unit of work, and it returns to the map
 * only after that root unit of work has committed, while the aggregate's lock is still held. A unit of work
 * that ends any other way returns nothing, and the next command reads the aggregate from the store.
 */
public class BoundedAggregateCache implements Cache, MeterBinder {

    public static final String METRICS_NAME = "ledger.aggregates";

    private final com.github.benmanes.caffeine.cache.Cache<Object, Object> cache;
    private final ConcurrentMap<Object, Object> entries;
    private final List<EntryListener> listeners = new CopyOnWriteArrayList<>();
    private final StatsCounter stats = new ConcurrentStatsCounter();
    private final String pendingResource = BoundedAggregateCache.class.getName() + ".pending@"
            + Integer.toHexString(System.identityHashCode(this));

    public BoundedAggregateCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("aggregate cache capacity must be at least 1, was " + capacity);
        }
        // Maintenance (eviction) runs on the writing thread: bounded work per write, and the eviction
        // listener is called before the write returns.
        this.cache = Caffeine.newBuilder().maximumSize(capacity).executor(Runnable::run)
                .recordStats(() -> stats)
                .evictionListener((key, value, cause) -> {
                    if (cause.wasEvicted()) {
                        listeners.forEach(l -> l.onEntryExpired(key));
                    }
                })
                .build();
        this.entries = cache.asMap();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        Map<Object, Object> pending = pending(false);
        Object value;
        if (pending != null && pending.containsKey(key)) {
            value = pending.get(key);
        } else {
            value = inUnitOfWork() ? takeOut(key) : cache.getIfPresent(key);
        }
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
        if (inUnitOfWork()) {
            entries.remove(key);
            pending(true).put(key, value);
            return;
        }
        publish(key, value);
    }

    private void publish(Object key, Object value) {
        boolean existed = entries.put(key, value) != null;
        listeners.forEach(l -> {
            if (existed) {
                l.onEntryUpdated(key, value);
            } else {
                l.onEntryCreated(key, value);
            }
        });
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        if (entries.putIfAbsent(key, value) != null) {
            return false;
        }
        listeners.forEach(l -> l.onEntryCreated(key, value));
        return true;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        Object present = cache.getIfPresent(key);
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
        Map<Object, Object> pending = pending(false);
        boolean staged = pending != null && pending.remove(key) != null;
        if (entries.remove(key) == null) {
            return staged;
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
        Map<Object, Object> pending = pending(false);
        return pending != null && pending.containsKey(key) || entries.containsKey(key);
    }

    /** Entries shared now (after any pending eviction); what units of work hold is not counted. */
    public long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        CaffeineCacheMetrics.monitor(registry, cache, METRICS_NAME);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** A command's read: the entry leaves the shared map, counted as a hit or miss like any other lookup. */
    private Object takeOut(Object key) {
        Object value = entries.remove(key);
        if (value == null) {
            stats.recordMisses(1);
        } else {
            stats.recordHits(1);
        }
        return value;
    }

    private static boolean inUnitOfWork() {
        return CurrentUnitOfWork.isStarted();
    }

    /**
     * The entries the current root unit of work will publish when it commits; null outside one. A root that
     * has already committed (a command sent from an after-commit handler) has no later commit to wait for, so
     * nothing is kept for it.
     */
    private Map<Object, Object> pending(boolean create) {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        if (!create) {
            return root.getResource(pendingResource);
        }
        if (root.phase().isAfter(UnitOfWork.Phase.COMMIT)) {
            return new LinkedHashMap<>();
        }
        return root.getOrComputeResource(pendingResource, r -> {
            Map<Object, Object> staged = new LinkedHashMap<>();
            root.afterCommit(u -> publishCommitted(staged));
            return staged;
        });
    }

    /**
     * Called once the root unit of work's transaction committed. A transaction still open on the thread means
     * the unit of work only joined one that commits later, so its state is not known to be committed: dropped.
     */
    private void publishCommitted(Map<Object, Object> staged) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return;
        }
        staged.forEach(this::publish);
    }
}
