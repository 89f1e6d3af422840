package ru.utility.ledger.projections.feed.contract;

/**
 * A relief programme paid the account from its budget; {@code amount} lowers the balance and
 * {@code creditId} is the key it is allocated under, like a payment id.
 */
public record CompensationCreditedV1(String accountId, String programId, String creditId, String amount,
                                     String creditedOn) implements PublicEvent {
}
