package ru.utility.ledger.projections.feed.contract;

/**
 * A DISCOUNT programme credited {@code percent} of the energy charge {@code chargeId}; {@code amount}
 * lowers the balance and {@code creditId} is the key it is allocated under.
 */
public record DiscountCreditedV1(String accountId, String programId, String chargeId, String creditId, String amount,
                                 String percent, String creditedOn) implements PublicEvent {
}
