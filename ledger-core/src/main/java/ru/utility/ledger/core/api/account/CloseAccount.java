package ru.utility.ledger.core.api.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import ru.utility.ledger.core.api.AccountId;

import java.time.LocalDate;

public record CloseAccount(@TargetAggregateIdentifier AccountId accountId, LocalDate closedOn)
        implements AccountCommand {

    public CloseAccount {
        Fields.required(accountId, "accountId");
        Fields.required(closedOn, "closedOn");
    }
}
