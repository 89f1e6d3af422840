package ru.utility.ledger.core.api;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** Business dates are Moscow dates whatever zone the JVM or the clock runs in. */
public final class LedgerTime {

    public static final ZoneId BUSINESS_ZONE = ZoneId.of("Europe/Moscow");

    private LedgerTime() {
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), BUSINESS_ZONE);
    }
}
