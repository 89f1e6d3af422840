package ru.utility.ledger.api.overdue;

import io.swagger.v3.oas.annotations.media.Schema;

/** Request bodies of the restriction endpoints ({@link RestrictionController}). */
public final class RestrictionRequests {

    private RestrictionRequests() {
    }

    public record NoticeRequest(@Schema(example = "NOTICE-2026-11-001") String noticeId,
                                @Schema(example = "2026-11-05", format = "date",
                                        description = "Today when omitted") String sentOn) {
    }

    public record DeliveryRequest(
            @Schema(example = "2026-11-09", format = "date",
                    description = "The day the notice reached the holder; today when omitted")
            String deliveredOn,
            @Schema(example = "REGISTERED_MAIL", allowableValues = {"IN_PERSON", "REGISTERED_MAIL", "PAYMENT_DOCUMENT",
                    "TEXT_MESSAGE", "PHONE_CALL", "EMAIL", "STATE_HOUSING_SYSTEM"}) String channel) {
    }
}
