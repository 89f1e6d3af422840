package ru.utility.ledger.projections.feed.contract;

/**
 * A charge's due date was re-derived under corrected rules (the production calendar): from now on it falls
 * due on {@code dueDate} instead of {@code previousDueDate}. Collection systems act on what is owed when.
 */
public record DueDateCorrectedV1(String accountId, String chargeId, String billingPeriod, String previousDueDate,
                                 String dueDate, String correctedOn, String reason) implements PublicEvent {
}
