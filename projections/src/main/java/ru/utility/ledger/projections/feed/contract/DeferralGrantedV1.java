package ru.utility.ledger.projections.feed.contract;

import java.util.List;

/**
 * A deferral moved the due date of the listed charges to {@code endsOn} (from {@code grantedOn}); until
 * then they accrue no penalty and are not overdue. No money moves.
 */
public record DeferralGrantedV1(String accountId, String deferralId, String programId, String grantedOn,
                                String endsOn, List<Charge> charges) implements PublicEvent {

    /** A covered charge with the due date it had before and what was unpaid of it on the grant. */
    public record Charge(String chargeId, String dueDateBefore, String outstanding) {
    }
}
