package ru.utility.ledger.projections.feed.contract;

/** An account was opened. The holder's name is personal data and is not published. */
public record AccountOpenedV1(String accountId, String regionCode, String openedOn) implements PublicEvent {
}
