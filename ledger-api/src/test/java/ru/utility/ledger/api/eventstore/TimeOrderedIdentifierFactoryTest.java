package ru.utility.ledger.api.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.axonframework.common.IdentifierFactory;
import org.junit.jupiter.api.Test;

class TimeOrderedIdentifierFactoryTest {

    @Test
    void axonFindsItAndItMakesDistinctVersion7UuidsOrderedByTime() {
        assertThat(IdentifierFactory.getInstance()).isInstanceOf(TimeOrderedIdentifierFactory.class);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            seen.add(IdentifierFactory.getInstance().generateIdentifier());
        }
        assertThat(seen).hasSize(100_000);
        UUID earlier = TimeOrderedIdentifierFactory.next(1_764_000_000_000L, ThreadLocalRandom.current());
        UUID later = TimeOrderedIdentifierFactory.next(1_764_000_000_001L, ThreadLocalRandom.current());
        assertThat(earlier.version()).isEqualTo(7);
        assertThat(earlier.variant()).isEqualTo(2);
        assertThat(earlier.toString().compareTo(later.toString())).isNegative();
        assertThat(earlier.getMostSignificantBits() >>> 16).isEqualTo(1_764_000_000_000L);
    }
}
