package ru.utility.ledger.core.api.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.PaymentId;
import ru.utility.ledger.core.api.ProgramId;

/**
 * Credits a claimed discount that its programme has paid from the budget ({@code BudgetDrawn}); sent by
 * the relief enrolment saga. A repeat records nothing.
 *
 * @param amount what the programme drew; must equal the claim
 */
public record CreditDiscount(@TargetAggregateIdentifier AccountId accountId, ProgramId programId, PaymentId creditId,
                             Money amount) implements AccountCommand {

    public CreditDiscount {
        Fields.required(accountId, "accountId");
        Fields.required(programId, "programId");
        Fields.required(creditId, "creditId");
        Fields.required(amount, "amount");
    }
}
