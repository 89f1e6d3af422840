package ru.utility.ledger.core.api.account;

import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.HouseholdType;

import java.time.LocalDate;

/**
 * @param setOn     when the type took effect (on a repeat: the day it was first set)
 * @param duplicate true when the account already had the type and nothing was recorded
 */
public record HouseholdTypeReceipt(AccountId accountId, HouseholdType householdType, LocalDate setOn,
                                   boolean duplicate) {
}
