package ru.utility.ledger.core.api.account;

import ru.utility.ledger.core.api.AccountId;

import java.time.LocalDate;
import java.util.List;

/** What a review recorded: the misses and defaults new in this review (empty for a repeat). */
public record ReviewReceipt(AccountId accountId, LocalDate asOf, List<InstallmentMissed> missed,
                            List<InstallmentPlanDefaulted> defaulted) {
}
