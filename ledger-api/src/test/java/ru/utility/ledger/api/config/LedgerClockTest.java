package ru.utility.ledger.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class LedgerClockTest {

    @Test
    void aShiftedClockStartsWhereItIsToldAndRunsOn() {
        Clock clock = LedgerClock.startingAt("2031-03-01T09:00:00+03:00");
        Instant first = clock.instant();
        assertThat(Duration.between(Instant.parse("2031-03-01T06:00:00Z"), first)).isBetween(Duration.ZERO,
                Duration.ofMinutes(5));
        assertThat(clock.instant()).isAfterOrEqualTo(first);
    }

    @Test
    void clocksMadeLaterFromTheSameStartKeepTheFirstOnesTime() throws InterruptedException {
        // Two nodes started in one JVM a while apart must not disagree by the time between their starts.
        Clock first = LedgerClock.startingAt("2032-01-31T23:40:00+03:00");
        Thread.sleep(300);
        Clock later = LedgerClock.startingAt("2032-01-31T23:40:00+03:00");
        assertThat(Duration.between(first.instant(), later.instant()).abs()).isLessThan(Duration.ofMillis(100));
    }

    @Test
    void aBlankStartIsTheMachinesClockAndAMalformedOneIsRefused() {
        assertThat(LedgerClock.startingAt(" ")).hasToString("SystemClock[Z]");
        assertThatThrownBy(() -> LedgerClock.startingAt("next tuesday"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ledger.clock.start");
    }
}
