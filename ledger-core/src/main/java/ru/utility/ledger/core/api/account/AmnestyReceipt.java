package ru.utility.ledger.core.api.account;

import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.BillingPeriod;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.ProgramId;

import java.time.LocalDate;
import java.util.List;

/**
 * @param penaltyPosted what the accrual to {@code asOf} posted before the write-off
 * @param writtenOff    the penalties written off
 */
public record AmnestyReceipt(AccountId accountId, ProgramId programId, LocalDate asOf, Money penaltyPosted,
                             Money writtenOff, List<BillingPeriod> earnedBy) {
}
