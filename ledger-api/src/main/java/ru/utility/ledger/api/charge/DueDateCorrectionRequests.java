package ru.utility.ledger.api.charge;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** Request bodies of the due-date correction endpoints ({@link DueDateCorrectionController}). */
public final class DueDateCorrectionRequests {

    private DueDateCorrectionRequests() {
    }

    public record CorrectionRunRequest(
            @Schema(description = "Only these accounts (at most 1000); every open account when omitted")
            List<String> accountIds) {
    }
}
