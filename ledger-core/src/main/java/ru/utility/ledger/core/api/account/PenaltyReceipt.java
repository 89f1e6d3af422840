package ru.utility.ledger.core.api.account;

import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.Money;

import java.time.LocalDate;

/**
 * @param owed         the penalty owed on {@code asOf} under the rules in force now
 * @param posted       the difference posted by this run; zero when nothing was recorded
 * @param totalAccrued all penalties accrued on the account after this run
 */
public record PenaltyReceipt(AccountId accountId, LocalDate asOf, Money owed, Money posted, Money totalAccrued) {
}
