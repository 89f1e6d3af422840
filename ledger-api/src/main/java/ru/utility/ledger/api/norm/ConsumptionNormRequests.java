package ru.utility.ledger.api.norm;

import io.swagger.v3.oas.annotations.media.Schema;

/** Request bodies of the consumption norm endpoints ({@link ConsumptionNormController}). */
public final class ConsumptionNormRequests {

    private ConsumptionNormRequests() {
    }

    public record NormRequest(
            @Schema(example = "77") String regionCode,
            @Schema(example = "APARTMENT_GAS_STOVE") String householdType,
            @Schema(example = "2026-07-01", format = "date",
                    description = "The day the norm and tariff take effect") String effectiveFrom,
            @Schema(example = "150", description = "kWh per month for the household at the norm") String monthlyKwh,
            @Schema(example = "7.26", description = "Roubles per kWh") String tariff,
            @Schema(example = "Norm: regional order No. 1; tariff: regional tariff committee order No. 2")
            String source) {
    }

    public record HouseholdTypeRequest(
            @Schema(example = "APARTMENT_GAS_STOVE") String householdType,
            @Schema(example = "2026-03-01", format = "date", description = "Today when omitted") String setOn) {
    }
}
