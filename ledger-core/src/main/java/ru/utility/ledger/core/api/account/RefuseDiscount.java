package ru.utility.ledger.core.api.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.PaymentId;
import ru.utility.ledger.core.api.ProgramId;

/**
 * Records that the programme refused to pay a claimed discount ({@code BudgetDrawRefused}), with its code
 * and reason; sent by the relief enrolment saga. A repeat records nothing.
 */
public record RefuseDiscount(@TargetAggregateIdentifier AccountId accountId, ProgramId programId, PaymentId creditId,
                             String code, String reason) implements AccountCommand {

    public RefuseDiscount {
        Fields.required(accountId, "accountId");
        Fields.required(programId, "programId");
        Fields.required(creditId, "creditId");
        code = Fields.text(code, "code", 64);
        reason = Fields.text(reason, "reason", 1000);
    }
}
