package ru.utility.ledger.projections.overdue;

import java.time.LocalDate;
import java.util.Objects;

import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.RegionCode;
import ru.utility.ledger.core.api.SocialCategory;

/**
 * Which accounts the overdue list shows, as of a business date. Every criterion but {@code asOf} is
 * optional (null). An account's bucket and days overdue are those of its oldest unpaid overdue charge;
 * {@code minAmount} compares with the account's whole overdue amount.
 *
 * @param category a social category valid on {@code asOf}
 */
public record OverdueFilter(LocalDate asOf, RegionCode region, SocialCategory category, AgingBucket bucket,
                            Integer minDays, Money minAmount) {

    public OverdueFilter {
        Objects.requireNonNull(asOf, "asOf");
    }
}
