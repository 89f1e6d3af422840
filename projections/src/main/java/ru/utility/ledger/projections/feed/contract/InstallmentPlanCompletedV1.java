package ru.utility.ledger.projections.feed.contract;

/** Every installment of the plan is paid; {@code completedOn} is the last payment's value date. */
public record InstallmentPlanCompletedV1(String accountId, String planId, String completedOn) implements PublicEvent {
}
