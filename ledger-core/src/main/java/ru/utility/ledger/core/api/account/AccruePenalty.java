package ru.utility.ledger.core.api.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import ru.utility.ledger.core.api.AccountId;

import java.time.LocalDate;

/** Brings the account's accrued penalties up to what the penalty rules say is owed on {@code asOf}. */
public record AccruePenalty(@TargetAggregateIdentifier AccountId accountId, LocalDate asOf) implements AccountCommand {

    public AccruePenalty {
        Fields.required(accountId, "accountId");
        Fields.required(asOf, "asOf");
    }
}
