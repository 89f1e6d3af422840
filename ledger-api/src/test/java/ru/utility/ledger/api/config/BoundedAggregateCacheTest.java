package ru.utility.ledger.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BoundedAggregateCacheTest {

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
        assertThat(cache.size()).isBetween(1, 50);
        assertThatThrownBy(() -> new BoundedAggregateCache(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
