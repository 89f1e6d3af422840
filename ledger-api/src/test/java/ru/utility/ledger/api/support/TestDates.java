package ru.utility.ledger.api.support;

import java.time.Clock;
import java.time.LocalDate;

import ru.utility.ledger.api.config.LedgerClock;
import ru.utility.ledger.core.api.BillingPeriod;
import ru.utility.ledger.core.api.LedgerTime;

/**
 * The suite's dates, read from a clock started where the ledger's is (-Dledger.test.clock-start, or now),
 * so a test asserts the same "today" the ledger decides with, whatever day the suite runs on.
 */
public final class TestDates {

    private static final Clock CLOCK = LedgerClock.startingAt(System.getProperty("ledger.test.clock-start", ""));

    private TestDates() {
    }

    public static Clock clock() {
        return CLOCK;
    }

    /** Today in Moscow by the suite's clock. */
    public static LocalDate today() {
        return LedgerTime.today(CLOCK);
    }

    /** The billing period that contains today. */
    public static BillingPeriod currentPeriod() {
        return BillingPeriod.of(today());
    }
}
