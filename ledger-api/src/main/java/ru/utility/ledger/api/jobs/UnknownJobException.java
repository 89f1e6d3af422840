package ru.utility.ledger.api.jobs;

import java.util.UUID;

public class UnknownJobException extends RuntimeException {

    public UnknownJobException(UUID id) {
        super("job " + id + " is not known");
    }
}
