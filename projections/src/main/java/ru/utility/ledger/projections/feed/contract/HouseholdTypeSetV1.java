package ru.utility.ledger.projections.feed.contract;

/** The account's household type (which picks its consumption norm) from {@code setOn} on. */
public record HouseholdTypeSetV1(String accountId, String householdType, String setOn) implements PublicEvent {
}
