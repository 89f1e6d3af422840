package ru.utility.ledger.core.program;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;
import org.axonframework.modelling.command.CreationPolicy;
import ru.utility.ledger.core.api.ProgramId;
import ru.utility.ledger.core.api.program.CloseProgram;
import ru.utility.ledger.core.api.program.LaunchProgram;
import ru.utility.ledger.core.api.program.ProgramClosed;
import ru.utility.ledger.core.api.program.ProgramEvent;
import ru.utility.ledger.core.api.program.ProgramLaunched;
import ru.utility.ledger.core.api.program.ProgramReceipt;

import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static ru.utility.ledger.core.api.LedgerRuleViolation.conflict;
import static ru.utility.ledger.core.api.LedgerRuleViolation.unprocessable;

/** A relief programme: its kind, window, eligibility, parameters and budget. */
@AggregateRoot
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class ReliefProgram {

    public static final String PROGRAM_EXISTS = "PROGRAM_EXISTS";
    public static final String PROGRAM_CLOSED = "PROGRAM_CLOSED";
    public static final String CLOSE_BEFORE_START = "CLOSE_BEFORE_START";

    @AggregateIdentifier
    private ProgramId id;

    private ProgramState state = ProgramState.initial();

    protected ReliefProgram() {
    }

    /** An identical repeat returns the programme; the same id with other content is a conflict. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public ProgramReceipt handle(LaunchProgram command) {
        ProgramLaunched event = new ProgramLaunched(command.programId(), command.name(), command.kind(),
                command.activeFrom(), command.activeTo(), command.eligibility(), command.parameters(), command.budget());
        if (state.isLaunched()) {
            if (!state.launched().equals(event)) {
                throw conflict(PROGRAM_EXISTS, "programId", "programme " + command.programId().value()
                        + " was already launched with different content");
            }
            return state.receipt(true);
        }
        apply(event);
        return state.receipt(false);
    }

    /** A repeat with the same reason returns the closed programme. */
    @CommandHandler
    public ProgramReceipt handle(CloseProgram command) {
        if (state.isClosed()) {
            if (!Objects.equals(state.closed().reason(), command.reason())) {
                throw conflict(PROGRAM_CLOSED, null, "programme " + id.value() + " was already closed on "
                        + state.closed().closedOn() + ": " + state.closed().reason());
            }
            return state.receipt(true);
        }
        if (command.closedOn().isBefore(state.launched().activeFrom())) {
            throw unprocessable(CLOSE_BEFORE_START, "closedOn", "closedOn " + command.closedOn()
                    + " is before the programme starts on " + state.launched().activeFrom());
        }
        apply(new ProgramClosed(id, command.closedOn(), command.reason()));
        return state.receipt(false);
    }

    @EventSourcingHandler
    void on(ProgramEvent event) {
        state = state.evolve(event);
        id = state.id();
    }
}
