package ru.utility.ledger.projections.feed.contract;

/**
 * Version 2 of ChargePosted: version 1's fields and {@code postedOn}, the charge's business date (a backdated
 * charge's is in the past; it is the day the charge counts from in statements and balances).
 *
 * @param kwh metered energy as a decimal string, or null for charges without energy
 */
public record ChargePostedV2(String accountId, String chargeId, String billingPeriod, String amount, String kwh,
                             String description, String dueDate, String postedOn) implements PublicEvent {
}
