package ru.utility.ledger.core.api;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class LedgerTimeTest {

    @Test
    void todayIsTheMoscowDateWhateverTheClockZone() {
        // 21:30 UTC is already 00:30 the next day in Moscow (UTC+3).
        Clock utcClock = Clock.fixed(Instant.parse("2026-10-31T21:30:00Z"), ZoneOffset.UTC);

        assertThat(LedgerTime.today(utcClock)).isEqualTo(LocalDate.of(2026, 11, 1));
    }

    @Test
    void beforeMoscowMidnightItIsStillTheSameDay() {
        Clock clock = Clock.fixed(Instant.parse("2026-10-31T20:59:59Z"), ZoneOffset.ofHours(12));

        assertThat(LedgerTime.today(clock)).isEqualTo(LocalDate.of(2026, 10, 31));
    }
}
