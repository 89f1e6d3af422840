package ru.utility.ledger.core.api.penalty;

import ru.utility.ledger.core.api.Money;

import java.time.LocalDate;
import java.util.List;

/** The penalty owed on {@code asOf}, charge by charge; charges that accrue nothing are left out. */
public record PenaltyStatement(LocalDate asOf, Money total, List<ChargePenalty> charges) {
}
