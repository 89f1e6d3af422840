package ru.utility.ledger.core.api.program;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import ru.utility.ledger.core.api.ProgramId;

import java.time.LocalDate;
import java.util.Objects;

/** Closes a programme: from {@code closedOn} on it takes no new enrolments. */
public record CloseProgram(@TargetAggregateIdentifier ProgramId programId, LocalDate closedOn, String reason)
        implements ProgramCommand {

    public CloseProgram {
        Objects.requireNonNull(programId, "programId must not be null");
        Objects.requireNonNull(closedOn, "closedOn must not be null");
        Objects.requireNonNull(reason, "reason must not be null");
        reason = reason.strip();
        if (reason.isEmpty() || reason.length() > 500) {
            throw new IllegalArgumentException("reason must be 1-500 characters");
        }
    }
}
