package ru.utility.ledger.projections.statement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.Money;

/**
 * An account statement for a date range: the balance owed before {@code from}, every movement dated in
 * the range with the balance after it, and the balance owed at the end of {@code to}. Positive amounts
 * increase the debt, negative ones reduce it.
 *
 * @param timeBarredOn    the day time-barred debt is judged on: {@code to}, or today when {@code to} lies ahead
 * @param timeBarred      the account's charges with principal unpaid that are more than three years past their
 *                        due date on {@code timeBarredOn} (Civil Code art. 196): still owed, no longer claimable
 *                        in court, and not taken from payments that do not name their period
 * @param timeBarredTotal their unpaid principal together
 */
public record Statement(AccountId accountId, LocalDate from, LocalDate to, Money openingBalance,
                        List<Movement> movements, Money closingBalance, LocalDate timeBarredOn,
                        List<TimeBarredCharge> timeBarred, Money timeBarredTotal) {

    public Statement {
        movements = List.copyOf(movements);
        timeBarred = List.copyOf(timeBarred);
    }

    /** @param timeBarred true on a charge's line when that charge is listed in the statement's time-barred debt */
    public record Movement(LocalDate date, MovementKind kind, String reference, String description, Money amount,
                           Money runningBalance, long sequence, Instant recordedAt, boolean timeBarred) {
    }

    /**
     * @param dueDate          the due date in force (after deferrals and corrections)
     * @param lastClaimableDay the due date plus three years; time-barred from the next day
     * @param unpaid           the principal unpaid as the ledger knows it now
     */
    public record TimeBarredCharge(String chargeId, String billingPeriod, LocalDate dueDate, LocalDate lastClaimableDay,
                                   Money unpaid) {
    }
}
