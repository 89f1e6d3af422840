package ru.utility.ledger.projections.feed.contract;

/** @param kwh metered energy as a decimal string, or null for charges without energy */
public record ChargePostedV1(String accountId, String chargeId, String billingPeriod, String amount, String kwh,
                             String description, String dueDate) implements PublicEvent {
}
