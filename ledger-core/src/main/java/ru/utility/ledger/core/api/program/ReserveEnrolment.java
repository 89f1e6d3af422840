package ru.utility.ledger.core.api.program;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.ProgramId;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Reserves a place (and, for a COMPENSATION programme, money from the budget) for an account. The
 * programme is the single writer of its budget, so concurrent reservations can never overspend it.
 *
 * @param amount what the programme commits to the account now: the compensation; zero for other kinds
 */
public record ReserveEnrolment(@TargetAggregateIdentifier ProgramId programId, AccountId accountId,
                               LocalDate enrolledOn, Money amount) implements ProgramCommand {

    public ReserveEnrolment {
        Objects.requireNonNull(programId, "programId must not be null");
        Objects.requireNonNull(accountId, "accountId must not be null");
        Objects.requireNonNull(enrolledOn, "enrolledOn must not be null");
        Objects.requireNonNull(amount, "amount must not be null");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("amount must not be negative");
        }
    }
}
