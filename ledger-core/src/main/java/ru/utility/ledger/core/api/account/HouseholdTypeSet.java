package ru.utility.ledger.core.api.account;

import org.axonframework.serialization.Revision;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.HouseholdType;

import java.time.LocalDate;

/** The account's household type, which picks its consumption norm, from {@code setOn} on. Moves no money. */
@Revision("1")
public record HouseholdTypeSet(AccountId accountId, HouseholdType householdType, LocalDate setOn)
        implements AccountEvent {
}
