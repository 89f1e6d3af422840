package ru.utility.ledger.core.program;

import com.fasterxml.jackson.annotation.JsonIgnore;
import ru.utility.ledger.core.api.ProgramId;
import ru.utility.ledger.core.api.program.ProgramClosed;
import ru.utility.ledger.core.api.program.ProgramEvent;
import ru.utility.ledger.core.api.program.ProgramLaunched;
import ru.utility.ledger.core.api.program.ProgramReceipt;

import java.time.LocalDate;

/**
 * A relief programme folded from its events; pure and immutable. Readers fold the same events with it.
 *
 * @param launched null until launched
 * @param closed   null while open
 */
public record ProgramState(ProgramLaunched launched, ProgramClosed closed) {

    public static ProgramState initial() {
        return new ProgramState(null, null);
    }

    public ProgramState evolve(ProgramEvent event) {
        return switch (event) {
            case ProgramLaunched e -> new ProgramState(e, null);
            case ProgramClosed e -> new ProgramState(launched, e);
        };
    }

    @JsonIgnore
    public boolean isLaunched() {
        return launched != null;
    }

    @JsonIgnore
    public boolean isClosed() {
        return closed != null;
    }

    @JsonIgnore
    public ProgramId id() {
        return launched == null ? null : launched.programId();
    }

    /** Whether enrolment is open on {@code day}: inside the window and before any closure. */
    public boolean isActiveOn(LocalDate day) {
        return launched != null && !day.isBefore(launched.activeFrom())
                && (launched.activeTo() == null || !day.isAfter(launched.activeTo()))
                && (closed == null || day.isBefore(closed.closedOn()));
    }

    public ProgramReceipt receipt(boolean duplicate) {
        ProgramLaunched l = launched;
        return new ProgramReceipt(l.programId(), l.name(), l.kind(), l.activeFrom(), l.activeTo(), l.eligibility(),
                l.parameters(), l.budget(), closed == null ? null : closed.closedOn(),
                closed == null ? null : closed.reason(), duplicate);
    }
}
