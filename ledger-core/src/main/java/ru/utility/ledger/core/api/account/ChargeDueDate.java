package ru.utility.ledger.core.api.account;

import ru.utility.ledger.core.api.ChargeId;

import java.time.LocalDate;

/** The due date a charge has from now on. */
public record ChargeDueDate(ChargeId chargeId, LocalDate dueDate) {
}
