package ru.utility.ledger.core.api.program;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.ChargeId;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.PaymentId;
import ru.utility.ledger.core.api.ProgramId;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Asks a budgeted programme to pay one discount from its budget. Sent by the relief enrolment saga for
 * each {@code DiscountClaimed}; the programme, the budget's single writer, answers with
 * {@link BudgetDrawn} or {@link BudgetDrawRefused}. {@code drawId} is the discount's credit id, unique
 * per account, so a redelivered claim draws once (the programme keys draws by account and draw id).
 *
 * @param claimedOn the day the discounted charge was posted; the programme must apply on that day
 */
public record DrawBudget(@TargetAggregateIdentifier ProgramId programId, AccountId accountId, ChargeId chargeId,
                         PaymentId drawId, Money amount, LocalDate claimedOn) implements ProgramCommand {

    public DrawBudget {
        Objects.requireNonNull(programId, "programId must not be null");
        Objects.requireNonNull(accountId, "accountId must not be null");
        Objects.requireNonNull(chargeId, "chargeId must not be null");
        Objects.requireNonNull(drawId, "drawId must not be null");
        Objects.requireNonNull(amount, "amount must not be null");
        Objects.requireNonNull(claimedOn, "claimedOn must not be null");
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("amount must be positive");
        }
    }
}
