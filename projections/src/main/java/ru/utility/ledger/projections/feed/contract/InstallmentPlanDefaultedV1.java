package ru.utility.ledger.projections.feed.contract;

import java.util.List;

/** The plan defaulted: the installments in {@code dueDates} fall due at once, on {@code defaultedOn}. */
public record InstallmentPlanDefaultedV1(String accountId, String planId, String defaultedOn, int misses,
                                         List<DueDate> dueDates) implements PublicEvent {

    public record DueDate(String installmentId, String dueDate) {
    }
}
