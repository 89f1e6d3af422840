package ru.utility.ledger.api.program;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** Request bodies of the programme endpoints ({@link ProgramController}). */
public final class ProgramRequests {

    private ProgramRequests() {
    }

    public record LaunchProgramRequest(
            @Schema(example = "LARGE-FAMILY-30") String programId,
            @Schema(example = "Large families: 30% discount") String name,
            @Schema(example = "DISCOUNT") String kind,
            @Schema(example = "2026-01-01", format = "date") String activeFrom,
            @Schema(example = "2026-12-31", format = "date",
                    description = "Last day; open-ended when omitted") String activeTo,
            @Schema(description = "Social categories that qualify; any holder when omitted") List<String> categories,
            @Schema(description = "Regions that qualify; every region when omitted") List<String> regions,
            @Schema(example = "30", description = "DISCOUNT / COMPENSATION percent") String percent,
            Integer maxDeferralMonths, Integer minInstallments, Integer maxInstallments, Integer missesBeforeDefault,
            Integer amnestyMonthsPaidInFull,
            @Schema(example = "1000000.00", description = "Optional budget") String budget) {
    }

    public record CloseProgramRequest(@Schema(example = "2026-06-30", format = "date") String closedOn,
                                      @Schema(example = "Budget decision") String reason) {
    }
}
