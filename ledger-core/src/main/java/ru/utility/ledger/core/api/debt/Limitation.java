package ru.utility.ledger.core.api.debt;

import java.time.LocalDate;
import java.util.Objects;

/**
 * When a debt becomes time-barred: the general limitation period of three years (Civil Code art. 196) runs for
 * each monthly charge separately from the end of its due date (art. 200 p.2; Supreme Court plenum No. 43 of 2015,
 * p.24: periodic payments each on their own), so a charge due on D can be claimed through D plus three years
 * (arts. 191, 192: the period ends on the corresponding day of its last year) and is time-barred from the day
 * after. The ledger uses the due date in force (a deferral or a due-date correction moves it).
 *
 * <p>Simplifications, all in the customer's favour or neutral: the last day is not moved off a non-working day
 * (art. 193 would extend it by a day or two), and nothing suspends or interrupts the period (arts. 202, 203).
 * Time-barred debt is still owed: the debtor may pay it (art. 206 p.1), but the retailer may not apply money to
 * it on its own choice (art. 199 p.3; art. 319.1 p.3; plenum No. 22 of 2017, p.32).
 */
public final class Limitation {

    /** Civil Code art. 196 p.1. */
    public static final int YEARS = 3;

    private Limitation() {
    }

    /** The last day the charge can still be claimed. */
    public static LocalDate lastClaimableDay(LocalDate dueDate) {
        return Objects.requireNonNull(dueDate, "dueDate").plusYears(YEARS);
    }

    /** Whether a debt due on {@code dueDate} is time-barred on {@code day}: more than three years past due. */
    public static boolean isTimeBarredOn(LocalDate dueDate, LocalDate day) {
        return Objects.requireNonNull(day, "day").isAfter(lastClaimableDay(dueDate));
    }
}
