package ru.utility.ledger.projections.overdue;

import java.time.LocalDate;

import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.NoticeChannel;
import ru.utility.ledger.core.api.RegionCode;

/**
 * An account whose supply may be restricted on the date asked.
 *
 * @param twoMonthsOfCharges what the two latest billing periods up to that date charged: the threshold
 *                           the overdue amount exceeds
 * @param noticeSentOn       when the notice that makes it a candidate was sent
 * @param noticeDeliveredOn  when it reached the holder: after the debt arose, and at least 21 days before
 * @param noticeChannel      how it reached the holder
 */
public record RestrictionCandidate(AccountId accountId, RegionCode regionCode, Money overdueAmount,
                                   Money twoMonthsOfCharges, LocalDate noticeSentOn, LocalDate noticeDeliveredOn,
                                   NoticeChannel noticeChannel) {
}
