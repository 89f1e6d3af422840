package ru.utility.ledger.projections.feed.contract;

public record AccountClosedV1(String accountId, String closedOn) implements PublicEvent {
}
