package ru.utility.ledger.projections.overdue;

import java.time.LocalDate;

import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.RegionCode;

/**
 * An account whose supply may be restricted on the date asked.
 *
 * @param twoMonthsOfCharges what the two latest billing periods up to that date charged: the threshold
 *                           the overdue amount exceeds
 * @param noticeSentOn       the latest restriction notice sent at least {@value RestrictionCandidates#NOTICE_DAYS}
 *                           days before
 */
public record RestrictionCandidate(AccountId accountId, RegionCode regionCode, Money overdueAmount,
                                   Money twoMonthsOfCharges, LocalDate noticeSentOn) {
}
