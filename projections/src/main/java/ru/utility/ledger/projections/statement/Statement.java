package ru.utility.ledger.projections.statement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.Money;

/**
 * An account statement for a date range: the balance owed before {@code from}, every movement dated in
 * the range with the balance after it, and the balance owed at the end of {@code to}. Positive amounts
 * increase the debt, negative ones reduce it.
 */
public record Statement(AccountId accountId, LocalDate from, LocalDate to, Money openingBalance,
                        List<Movement> movements, Money closingBalance) {

    public record Movement(LocalDate date, MovementKind kind, String reference, String description, Money amount,
                           Money runningBalance, long sequence, Instant recordedAt) {
    }
}
