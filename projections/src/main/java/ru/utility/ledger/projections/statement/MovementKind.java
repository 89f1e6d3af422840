package ru.utility.ledger.projections.statement;

/** What moved the balance; new kinds (penalties, relief) are added as their events arrive. */
public enum MovementKind {
    CHARGE,
    PAYMENT,
    REVERSAL,
    /** Penalty accrued (negative for a correction after a retroactive rule change). */
    PENALTY,
    /** A relief programme's compensation credit (negative: it lowers the balance). */
    COMPENSATION,
    /** A DISCOUNT programme's credit for one energy charge (negative). */
    DISCOUNT,
    /** Penalties written off by a PENALTY_AMNESTY programme (negative). */
    PENALTY_WRITE_OFF,
    /** A charge corrected (recalculation): an increase is positive, a decrease negative. */
    CORRECTION
}
