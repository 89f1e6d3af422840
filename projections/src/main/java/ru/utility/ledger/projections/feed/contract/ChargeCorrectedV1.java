package ru.utility.ledger.projections.feed.contract;

/**
 * A charge was recalculated. {@code difference} is signed: a decrease lowers the charge itself (what was paid
 * beyond it becomes credit); an increase is owed as a debt of its own under {@code correctionId}, due on
 * {@code dueDate} (null for a decrease).
 */
public record ChargeCorrectedV1(String accountId, String correctionId, String chargeId, String billingPeriod,
                                String difference, String dueDate, String correctedOn, String reason)
        implements PublicEvent {
}
