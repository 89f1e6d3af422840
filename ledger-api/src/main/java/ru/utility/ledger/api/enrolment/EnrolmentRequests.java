package ru.utility.ledger.api.enrolment;

import io.swagger.v3.oas.annotations.media.Schema;

/** Request bodies of the enrolment endpoints ({@link EnrolmentController}). */
public final class EnrolmentRequests {

    private EnrolmentRequests() {
    }

    public record EnrolRequest(@Schema(example = "ACC-0001") String accountId,
                               @Schema(example = "2026-11-18", format = "date",
                                       description = "Today when omitted") String enrolledOn) {
    }
}
