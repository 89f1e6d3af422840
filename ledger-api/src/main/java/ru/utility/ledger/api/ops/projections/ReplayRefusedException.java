package ru.utility.ledger.api.ops.projections;

/** A replay cannot start now (one is running, or the processor is not on this node). */
public class ReplayRefusedException extends RuntimeException {

    public ReplayRefusedException(String message) {
        super(message);
    }
}
