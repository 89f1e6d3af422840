package ru.utility.ledger.projections.overdue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Objects;

import ru.utility.ledger.core.api.EnergyKwh;
import ru.utility.ledger.core.api.HouseholdType;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.RegionCode;

/**
 * The electricity consumption norm and tariff of a region and household type from {@code effectiveFrom} on.
 *
 * @param monthlyKwh the norm for the household per month
 * @param tariff     roubles per kWh, in kopecks
 * @param source     the acts that set the norm and the tariff
 */
public record ConsumptionNorm(RegionCode regionCode, HouseholdType householdType, LocalDate effectiveFrom,
                              EnergyKwh monthlyKwh, Money tariff, String source) {

    public ConsumptionNorm {
        Objects.requireNonNull(regionCode, "regionCode");
        Objects.requireNonNull(householdType, "householdType");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        Objects.requireNonNull(monthlyKwh, "monthlyKwh");
        Objects.requireNonNull(tariff, "tariff");
        Objects.requireNonNull(source, "source");
        if (monthlyKwh.value().signum() <= 0) {
            throw new IllegalArgumentException("monthlyKwh must be greater than 0");
        }
        tariff.requirePositiveInput();
    }

    /** A month at the norm: kWh times the tariff, rounded half-up to kopecks (as RestrictionCandidates does in SQL). */
    public Money monthlyCharge() {
        return Money.ofKopecks(monthlyKwh.value().multiply(BigDecimal.valueOf(tariff.kopecks()))
                .setScale(0, RoundingMode.HALF_UP).longValueExact());
    }

    /** The same row as another, whatever scale its kWh were written with. */
    boolean sameAs(ConsumptionNorm other) {
        return regionCode.equals(other.regionCode) && householdType == other.householdType
                && effectiveFrom.equals(other.effectiveFrom) && monthlyKwh.hasSameQuantityAs(other.monthlyKwh)
                && tariff.equals(other.tariff) && source.equals(other.source);
    }
}
