package ru.utility.ledger.projections.feed.contract;

public record RestrictionNoticeSentV1(String accountId, String noticeId, String sentOn) implements PublicEvent {
}
