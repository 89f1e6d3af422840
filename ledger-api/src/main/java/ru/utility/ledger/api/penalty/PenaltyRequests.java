package ru.utility.ledger.api.penalty;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** Request bodies of the penalty endpoints ({@link PenaltyController}). */
public final class PenaltyRequests {

    private PenaltyRequests() {
    }

    public record PenaltyAccrualRequest(
            @Schema(example = "2026-11-20", format = "date",
                    description = "Accrue penalties owed on this business date; today when omitted")
            String asOf) {
    }

    public record PenaltyRunRequest(
            @Schema(example = "2026-11-20", format = "date",
                    description = "Accrue penalties owed on this business date; today when omitted")
            String asOf,
            @Schema(description = "Only these accounts (at most 1000); every open account when omitted")
            List<String> accountIds) {
    }
}
