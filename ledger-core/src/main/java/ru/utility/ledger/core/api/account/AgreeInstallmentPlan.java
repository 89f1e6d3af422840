package ru.utility.ledger.core.api.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.PlanId;
import ru.utility.ledger.core.api.ProgramId;

import java.time.LocalDate;

/**
 * Restructures the account's unpaid charges into {@code installments} monthly installments under an
 * INSTALLMENT programme it is enrolled in. The sender copies the programme's range and misses.
 *
 * @param firstDueDate the first installment's due date; null for one month after {@code agreedOn}
 */
public record AgreeInstallmentPlan(@TargetAggregateIdentifier AccountId accountId, PlanId planId, ProgramId programId,
                                   LocalDate agreedOn, int installments, LocalDate firstDueDate, int minInstallments,
                                   int maxInstallments, int missesBeforeDefault) implements AccountCommand {

    public AgreeInstallmentPlan {
        Fields.required(accountId, "accountId");
        Fields.required(planId, "planId");
        Fields.required(programId, "programId");
        Fields.required(agreedOn, "agreedOn");
        if (minInstallments < 1 || maxInstallments < minInstallments || missesBeforeDefault < 1) {
            throw new IllegalArgumentException("the programme's installment range and misses must be positive");
        }
    }
}
