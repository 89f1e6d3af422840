package ru.utility.ledger.projections.overdue;

import java.time.LocalDate;

import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.EnergyKwh;
import ru.utility.ledger.core.api.HouseholdType;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.NoticeChannel;
import ru.utility.ledger.core.api.RegionCode;

/**
 * An account whose supply may be restricted on the date asked.
 *
 * @param twoMonthsAtNorm    two months of the charge at the consumption norm and tariff in force that date for
 *                           the account's region and household type: the threshold the overdue amount exceeds
 * @param monthlyNormKwh     the norm per month, and {@code tariff} per kWh, that gave it
 * @param noticeSentOn       when the notice that makes it a candidate was sent
 * @param noticeDeliveredOn  when it reached the holder: after the debt arose, and at least 21 days before
 * @param noticeChannel      how it reached the holder
 */
public record RestrictionCandidate(AccountId accountId, RegionCode regionCode, Money overdueAmount,
                                   Money twoMonthsAtNorm, HouseholdType householdType, EnergyKwh monthlyNormKwh,
                                   Money tariff, LocalDate noticeSentOn, LocalDate noticeDeliveredOn,
                                   NoticeChannel noticeChannel) {
}
