package ru.utility.ledger.api.program;

import io.swagger.v3.oas.annotations.media.Schema;

/** Request bodies of the amnesty endpoints ({@link AmnestyController}). */
public final class AmnestyRequests {

    private AmnestyRequests() {
    }

    public record AmnestyReviewRequest(
            @Schema(example = "2026-11-20", format = "date",
                    description = "Review day; today when omitted") String asOf) {
    }
}
