package ru.utility.ledger.api.time;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;

/** What WallClockRuleTest must catch, and what it must let through. Exempt from the rule itself. */
final class WallClockReader {

    private WallClockReader() {
    }

    static LocalDate today() {
        return LocalDate.now();
    }

    static long millis() {
        return System.currentTimeMillis();
    }

    static Date date() {
        return new Date();
    }

    static LocalDate todayBy(Clock clock) {
        return LocalDate.now(clock);
    }

    static long elapsedSince(long start) {
        return System.nanoTime() - start;
    }
}
