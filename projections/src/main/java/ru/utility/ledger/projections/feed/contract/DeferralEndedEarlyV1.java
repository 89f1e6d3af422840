package ru.utility.ledger.projections.feed.contract;

import java.util.List;

/**
 * The deferral ended before its date; {@code dueDates} gives each covered charge the due date it has from
 * now on ({@code endedOn}, or its due date before the deferral when later). The reason is not published:
 * it describes the holder's circumstances.
 */
public record DeferralEndedEarlyV1(String accountId, String deferralId, String endedOn, List<DueDate> dueDates)
        implements PublicEvent {

    public record DueDate(String chargeId, String dueDate) {
    }
}
