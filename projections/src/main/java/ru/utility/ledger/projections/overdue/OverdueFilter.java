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
 * @param category            a social category valid on {@code asOf}
 * @param inRelief            true: only accounts with a relief enrolment active on {@code asOf}; false: only
 *                            accounts without one
 * @param restrictionEligible true: only accounts that meet the restriction-candidate rule on {@code asOf}
 *                            ({@link RestrictionCandidates}); false: only those that do not
 * @param moratorium          a moratorium covers {@code asOf}: then no account meets the restriction rule
 */
public record OverdueFilter(LocalDate asOf, RegionCode region, SocialCategory category, AgingBucket bucket,
                            Integer minDays, Money minAmount, Boolean inRelief, Boolean restrictionEligible,
                            boolean moratorium) {

    public OverdueFilter {
        Objects.requireNonNull(asOf, "asOf");
    }
}
