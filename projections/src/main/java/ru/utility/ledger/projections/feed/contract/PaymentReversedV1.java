package ru.utility.ledger.projections.feed.contract;

public record PaymentReversedV1(String accountId, String paymentId, String amount, String reason,
                                String reversedOn) implements PublicEvent {
}
