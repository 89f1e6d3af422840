package ru.utility.ledger.core.api.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import ru.utility.ledger.core.api.AccountId;

import java.time.LocalDate;

/**
 * Records the installments missed by {@code asOf} (due before it and not paid in full by their due date)
 * and defaults plans that reached their number of misses. Repeating it records nothing new.
 */
public record ReviewInstallmentPlans(@TargetAggregateIdentifier AccountId accountId, LocalDate asOf)
        implements AccountCommand {

    public ReviewInstallmentPlans {
        Fields.required(accountId, "accountId");
        Fields.required(asOf, "asOf");
    }
}
