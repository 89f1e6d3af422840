package ru.utility.ledger.projections.feed.contract;

/** @param billingPeriod the period the payer named, or null when the oldest debt is paid first */
public record PaymentRecordedV1(String accountId, String paymentId, String amount, String channel,
                                String receivedOn, String billingPeriod) implements PublicEvent {
}
