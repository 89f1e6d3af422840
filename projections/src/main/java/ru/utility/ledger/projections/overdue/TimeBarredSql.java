package ru.utility.ledger.projections.overdue;

import ru.utility.ledger.core.api.debt.Limitation;

/**
 * The limitation rule of {@link Limitation} in SQL, for the overdue list and statements: a charge is time-barred
 * on a day when its due date in force plus three years lies before that day. PostgreSQL adds years like
 * {@code LocalDate.plusYears} (29 February plus three years is 28 February), so both give the same answer.
 */
public final class TimeBarredSql {

    /** A condition on {@code overdue_charge c}, true when the charge is time-barred on the day bound to its {@code ?}. */
    public static final String CHARGE_TIME_BARRED_ON = "(c.due_date + interval '" + Limitation.YEARS + " years')::date < ?";

    private TimeBarredSql() {
    }
}
