package ru.utility.ledger.core.api.account;

import ru.utility.ledger.core.api.AccountId;

import java.time.LocalDate;

/** The answer to {@link ErasePersonalData}. */
public record ErasureReceipt(AccountId accountId, LocalDate erasedOn, String reason) {
}
