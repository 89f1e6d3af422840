package ru.utility.ledger.api.deferral;

import io.swagger.v3.oas.annotations.media.Schema;

/** Request bodies of the deferral endpoints ({@link DeferralController}). */
public final class DeferralRequests {

    private DeferralRequests() {
    }

    public record GrantDeferralRequest(
            @Schema(example = "DEF-2026-11-1") String deferralId,
            @Schema(example = "DEFER-6M") String programId,
            @Schema(example = "2026-11-20", format = "date", description = "Today when omitted") String grantedOn,
            @Schema(example = "2027-02-20", format = "date",
                    description = "The last day of the deferral; give this or months")
            String endsOn,
            @Schema(example = "3", description = "grantedOn plus this many months; give this or endsOn") String months) {
    }

    public record EndDeferralRequest(@Schema(example = "2026-12-20", format = "date",
            description = "Today when omitted") String endedOn,
                                     @Schema(example = "Income restored") String reason) {
    }
}
