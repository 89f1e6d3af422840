package ru.utility.ledger.api.charge;

import io.swagger.v3.oas.annotations.media.Schema;

/** Request bodies of the charge correction endpoints ({@link ChargeCorrectionController}). */
public final class ChargeCorrectionRequests {

    private ChargeCorrectionRequests() {
    }

    public record CorrectionRequest(
            @Schema(example = "RECALC-2026-11-0001", description = "Unique per account: 1-64 of A-Z, a-z, 0-9, '.', "
                    + "'_', '-'. An increase is owed under this id") String correctionId,
            @Schema(example = "-200.00", description = "Signed, not zero: negative lowers the charge, positive raises "
                    + "what is owed") String difference,
            @Schema(example = "Meter reading corrected") String reason,
            @Schema(example = "2026-11-20", format = "date",
                    description = "Business date; today when omitted") String correctedOn) {
    }
}
