package ru.utility.ledger.projections.relief;

import java.sql.Date;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import ru.utility.ledger.core.api.program.ProgramClosed;
import ru.utility.ledger.core.api.program.ProgramLaunched;
import ru.utility.ledger.core.api.program.ReliefKind;
import ru.utility.ledger.projections.jdbc.ProjectionGuard;

/**
 * The windows of PENALTY_MORATORIUM programmes, which {@link ProgrammeMoratoria} turns into penalty rules.
 * One row per programme; every event passes the shared {@link ProjectionGuard} first, so an event delivered
 * again changes nothing. Closures of other kinds of programme find no row and are ignored.
 */
@Component
@ProcessingGroup(ProgrammeMoratoriumProjection.PROCESSING_GROUP)
public class ProgrammeMoratoriumProjection {

    public static final String PROCESSING_GROUP = "programme-moratoria";
    public static final String TABLE = "programme_moratorium";

    private final JdbcTemplate jdbc;
    private final ProjectionGuard guard;

    public ProgrammeMoratoriumProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.guard = new ProjectionGuard(jdbc, PROCESSING_GROUP);
    }

    @EventHandler
    void on(ProgramLaunched event, @SequenceNumber long sequence) {
        if (event.kind() == ReliefKind.PENALTY_MORATORIUM && guard.firstDelivery(event.programId().value(), sequence)) {
            jdbc.update("""
                    INSERT INTO programme_moratorium (program_id, name, active_from, active_to)
                    VALUES (?, ?, ?, ?) ON CONFLICT (program_id) DO NOTHING""",
                    event.programId().value(), event.name(), Date.valueOf(event.activeFrom()),
                    event.activeTo() == null ? null : Date.valueOf(event.activeTo()));
        }
    }

    @EventHandler
    void on(ProgramClosed event, @SequenceNumber long sequence) {
        if (guard.firstDelivery(event.programId().value(), sequence)) {
            jdbc.update("UPDATE programme_moratorium SET closed_on = ? WHERE program_id = ?",
                    Date.valueOf(event.closedOn()), event.programId().value());
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE " + TABLE);
        guard.reset();
    }
}
