package ru.utility.ledger.core.api.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.HouseholdType;

import java.time.LocalDate;

/** Sets the account's household type from {@code setOn}; the same type again records nothing. */
public record SetHouseholdType(@TargetAggregateIdentifier AccountId accountId, HouseholdType householdType,
                               LocalDate setOn) implements AccountCommand {

    public SetHouseholdType {
        Fields.required(accountId, "accountId");
        Fields.required(householdType, "householdType");
        Fields.required(setOn, "setOn");
    }
}
