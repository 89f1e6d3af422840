package ru.utility.ledger.projections.feed.contract;

/** A restriction notice reached the holder on {@code deliveredOn} by {@code channel}; 20 days to pay follow. */
public record RestrictionNoticeDeliveredV1(String accountId, String noticeId, String deliveredOn, String channel)
        implements PublicEvent {
}
