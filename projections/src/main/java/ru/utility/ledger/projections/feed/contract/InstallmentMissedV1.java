package ru.utility.ledger.projections.feed.contract;

/** An installment was not paid in full by its due date: {@code unpaid} is overdue from it. */
public record InstallmentMissedV1(String accountId, String planId, int number, String dueDate, String unpaid,
                                  int misses) implements PublicEvent {
}
