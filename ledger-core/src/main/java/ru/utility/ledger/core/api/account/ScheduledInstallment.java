package ru.utility.ledger.core.api.account;

import ru.utility.ledger.core.api.ChargeId;
import ru.utility.ledger.core.api.Money;

import java.time.LocalDate;

/**
 * One installment of a plan.
 *
 * @param installmentId the id payments are allocated under ({@code <planId>:<number>}), like a charge id
 */
public record ScheduledInstallment(int number, ChargeId installmentId, LocalDate dueDate, Money amount) {
}
