package ru.utility.ledger.api.norm;

import java.time.LocalDate;
import java.util.List;

import ru.utility.ledger.core.api.EnergyKwh;
import ru.utility.ledger.core.api.HouseholdType;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.RegionCode;
import ru.utility.ledger.projections.overdue.ConsumptionNorm;

/** Response bodies of the consumption norm endpoints ({@link ConsumptionNormController}). */
public final class ConsumptionNormResponses {

    private ConsumptionNormResponses() {
    }

    /** @param monthlyCharge a month at the norm, rounded half-up: the threshold is twice it */
    public record NormResponse(RegionCode regionCode, HouseholdType householdType, LocalDate effectiveFrom,
                               EnergyKwh monthlyKwh, Money tariff, String source, Money monthlyCharge,
                               boolean duplicate) {
        static NormResponse of(ConsumptionNorm norm, boolean duplicate) {
            return new NormResponse(norm.regionCode(), norm.householdType(), norm.effectiveFrom(), norm.monthlyKwh(),
                    norm.tariff(), norm.source(), norm.monthlyCharge(), duplicate);
        }
    }

    public record NormsResponse(List<NormResponse> norms) {
    }
}
