package ru.utility.ledger.api.ops.projections;

/** The name in the path is not a projection of this ledger. */
public class UnknownProjectionException extends RuntimeException {

    public UnknownProjectionException(String name) {
        super("projection " + name + " is not known");
    }
}
