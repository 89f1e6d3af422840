package ru.utility.ledger.core.api.penalty;

import java.time.LocalDate;

import ru.utility.ledger.core.api.debt.AccountDebts;

/** The penalty law in force (configured acts and programme moratoria), as readers apply it. */
public interface PenaltyRulesInForce {

    /**
     * The penalty owed on {@code asOf} for the account's debts, charge by charge.
     *
     * @throws IllegalArgumentException when no rule covers a day that needs one
     */
    PenaltyStatement statement(AccountDebts debts, LocalDate asOf);

    /** The moratorium that covers {@code day} for every debt, or null. */
    Moratorium moratoriumOn(LocalDate day);
}
