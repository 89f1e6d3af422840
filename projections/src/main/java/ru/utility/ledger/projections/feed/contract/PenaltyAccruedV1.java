package ru.utility.ledger.projections.feed.contract;

/**
 * Late-payment penalty accrued up to a date. {@code amount} is the difference posted (negative when a
 * retroactive rule change lowered the penalty); {@code totalAccrued} is the account's total afterwards.
 */
public record PenaltyAccruedV1(String accountId, String asOf, String amount, String totalAccrued)
        implements PublicEvent {
}
