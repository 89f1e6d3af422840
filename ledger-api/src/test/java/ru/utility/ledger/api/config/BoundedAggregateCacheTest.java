package ru.utility.ledger.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.axonframework.common.caching.Cache;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class BoundedAggregateCacheTest {

    @AfterEach
    void noUnitOfWorkLeftBehind() {
        while (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().rollback();
        }
    }

    @Test
    void holdsEntriesStronglyUpToItsCapacityAndDropsSomeBeyondIt() {
        BoundedAggregateCache cache = new BoundedAggregateCache(50);
        cache.put("a", "A");
        System.gc();
        assertThat(cache.<String, String>get("a")).as("held strongly, unlike a weak cache").isEqualTo("A");
        assertThat(cache.putIfAbsent("a", "other")).isFalse();
        assertThat(cache.computeIfAbsent("b", () -> "B")).isEqualTo("B");
        cache.computeIfPresent("b", (String v) -> v + "2");
        assertThat(cache.<String, String>get("b")).isEqualTo("B2");
        assertThat(cache.remove("b")).isTrue();
        assertThat(cache.containsKey("b")).isFalse();
        for (int i = 0; i < 500; i++) {
            cache.put("k" + i, i);
        }
        assertThat(cache.size()).isBetween(1L, 50L);
        assertThatThrownBy(() -> new BoundedAggregateCache(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void evictionsAreToldToAxonsListenersAndCountedInTheMetrics() {
        BoundedAggregateCache cache = new BoundedAggregateCache(10);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        cache.bindTo(registry);
        List<Object> expired = new CopyOnWriteArrayList<>();
        cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryExpired(Object key) {
                expired.add(key);
            }
        });
        for (int i = 0; i < 100; i++) {
            cache.put("k" + i, i);
        }
        assertThat(cache.size()).isBetween(1L, 10L);
        assertThat(expired).hasSize(100 - (int) cache.size());
        assertThat(registry.get("cache.evictions").tag("cache", BoundedAggregateCache.METRICS_NAME).functionCounter()
                .count()).isEqualTo(expired.size());

        cache.put("present", "P");
        cache.get("present");
        cache.get("absent");
        DefaultUnitOfWork<?> command = DefaultUnitOfWork.startAndGet(new GenericMessage<>("command"));
        cache.get("present");
        command.rollback();
        assertThat(registry.get("cache.gets").tag("cache", BoundedAggregateCache.METRICS_NAME).tag("result", "hit")
                .functionCounter().count()).as("a command's take-out counts as a hit").isEqualTo(2);
        assertThat(registry.get("cache.gets").tag("cache", BoundedAggregateCache.METRICS_NAME).tag("result", "miss")
                .functionCounter().count()).isEqualTo(1);
    }

    @Test
    void aUnitOfWorkTakesTheEntryOutAndItReturnsOnlyWhenTheUnitOfWorkCommits() {
        BoundedAggregateCache cache = new BoundedAggregateCache(50);
        cache.put("a", "A0");
        DefaultUnitOfWork<?> command = DefaultUnitOfWork.startAndGet(new GenericMessage<>("command"));
        assertThat(cache.<String, String>get("a")).isEqualTo("A0");
        assertThat(elsewhere(cache, "a")).as("taken out while the command may change it").isNull();
        cache.put("a", "A1");
        assertThat(cache.<String, String>get("a")).as("the unit of work sees its own").isEqualTo("A1");
        assertThat(elsewhere(cache, "a")).as("not committed yet").isNull();
        command.commit();
        assertThat(cache.<String, String>get("a")).isEqualTo("A1");
    }

    @Test
    void aRolledBackUnitOfWorkReturnsNothing() {
        BoundedAggregateCache cache = new BoundedAggregateCache(50);
        cache.put("a", "A0");
        DefaultUnitOfWork<?> command = DefaultUnitOfWork.startAndGet(new GenericMessage<>("command"));
        cache.get("a");
        cache.put("a", "A1");
        command.rollback(new IllegalStateException("append failed"));
        assertThat(cache.<String, String>get("a")).as("read from the store next time").isNull();
    }

    /** What a driver's AssertionError (or any Error) during the append does: Axon's rollback phase never runs. */
    @Test
    void anErrorThrownWhileCommittingLeavesNothingCached() {
        BoundedAggregateCache cache = new BoundedAggregateCache(50);
        cache.put("a", "A0");
        DefaultUnitOfWork<?> command = DefaultUnitOfWork.startAndGet(new GenericMessage<>("command"));
        AtomicBoolean rolledBack = new AtomicBoolean();
        command.onRollback(u -> rolledBack.set(true));
        cache.get("a");
        command.onPrepareCommit(u -> cache.put("a", "A1 with an uncommitted payment"));
        command.onPrepareCommit(u -> {
            throw new AssertionError("thrown by the driver while appending");
        });
        assertThatThrownBy(command::commit).isInstanceOf(AssertionError.class);
        assertThat(rolledBack).as("Axon skips its rollback phase for an Error").isFalse();
        assertThat(cache.<String, String>get("a")).isNull();
        assertThat(cache.containsKey("a")).isFalse();
    }

    @Test
    void nestedUnitsOfWorkPublishWhenTheirRootCommits() {
        BoundedAggregateCache cache = new BoundedAggregateCache(50);
        DefaultUnitOfWork<?> chunk = DefaultUnitOfWork.startAndGet(new GenericMessage<>("bulk chunk"));
        DefaultUnitOfWork<?> line = DefaultUnitOfWork.startAndGet(new GenericMessage<>("line 1"));
        cache.put("a", "A1");
        line.commit();
        assertThat(elsewhere(cache, "a")).as("the chunk's transaction has not committed").isNull();
        assertThat(cache.<String, String>get("a")).isEqualTo("A1");
        chunk.commit();
        assertThat(cache.<String, String>get("a")).isEqualTo("A1");

        DefaultUnitOfWork<?> failing = DefaultUnitOfWork.startAndGet(new GenericMessage<>("bulk chunk"));
        DefaultUnitOfWork<?> committedLine = DefaultUnitOfWork.startAndGet(new GenericMessage<>("line 1"));
        cache.get("a");
        cache.put("a", "A2");
        committedLine.commit();
        failing.rollback(new IllegalStateException("a later line failed"));
        assertThat(cache.<String, String>get("a")).isNull();
    }

    @Test
    void aUnitOfWorkThatOnlyJoinedAnOpenTransactionPublishesNothing() {
        BoundedAggregateCache cache = new BoundedAggregateCache(50);
        DefaultUnitOfWork<?> command = DefaultUnitOfWork.startAndGet(new GenericMessage<>("command"));
        cache.put("a", "A1");
        TransactionSynchronizationManager.setActualTransactionActive(true);
        try {
            command.commit();
        } finally {
            TransactionSynchronizationManager.setActualTransactionActive(false);
        }
        assertThat(cache.<String, String>get("a")).isNull();
    }

    private static String elsewhere(BoundedAggregateCache cache, String key) {
        return CompletableFuture.supplyAsync(() -> cache.<String, String>get(key)).join();
    }
}
