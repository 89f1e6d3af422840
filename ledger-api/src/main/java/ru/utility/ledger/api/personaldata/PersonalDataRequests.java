package ru.utility.ledger.api.personaldata;

import io.swagger.v3.oas.annotations.media.Schema;

/** Request bodies of the personal data endpoints ({@link PersonalDataController}). */
public final class PersonalDataRequests {

    private PersonalDataRequests() {
    }

    public record ErasureRequest(
            @Schema(example = "Holder's request 2026-11-19 No. 17 (152-FZ art. 21)",
                    description = "The legal ground; it is kept in the account's events, so no personal data in it")
            String reason,
            @Schema(example = "2026-11-20", description = "Today when omitted") String erasedOn) {
    }
}
