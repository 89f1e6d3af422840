package ru.utility.ledger.api.relief;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import ru.utility.ledger.core.api.penalty.Moratorium;
import ru.utility.ledger.core.api.program.ProgramClosed;
import ru.utility.ledger.core.api.program.ProgramLaunched;
import ru.utility.ledger.core.api.program.ReliefKind;

/**
 * The moratoria the penalty decision applies: the windows of PENALTY_MORATORIUM programmes, kept from the
 * programme aggregate's own events by a <em>subscribing</em> handler (registered in api.config). Axon calls it
 * while committing the unit of work that appends a launch or a closure, after the append and in the same
 * transaction, so the row and the event commit together or not at all, and any accrual that can see the event
 * sees the window: the table cannot lag the programme. A failing write fails the launch or closure.
 * Every write is guarded by the programme stream's sequence, so applying an event again changes nothing.
 * <p>
 * Programmes launched before this table existed are read once from the event store before the node starts
 * processing ({@link #backfill()}); a row in {@code programme_moratorium_window_backfill} records that.
 */
@Component
@ProcessingGroup(ProgrammeMoratoriumWindows.PROCESSING_GROUP)
public class ProgrammeMoratoriumWindows {

    public static final String PROCESSING_GROUP = "programme-moratorium-windows";
    public static final String TABLE = "programme_moratorium_window";

    private static final RowMapper<Optional<Moratorium>> ROW = (rs, n) -> Moratorium.ofProgramme(
            rs.getString("program_id"), rs.getString("name"), rs.getDate("active_from").toLocalDate(),
            date(rs.getDate("active_to")), date(rs.getDate("closed_on")));

    private final JdbcTemplate jdbc;
    private final EventStore eventStore;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public ProgrammeMoratoriumWindows(JdbcTemplate jdbc, EventStore eventStore,
                                      PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.eventStore = eventStore;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Every programme's moratorium, as of the last committed launch or closure. */
    public List<Moratorium> all() {
        return jdbc.query("SELECT * FROM " + TABLE + " ORDER BY active_from, program_id", ROW)
                .stream().flatMap(Optional::stream).toList();
    }

    @EventHandler
    void on(ProgramLaunched event, @SequenceNumber long sequence) {
        if (event.kind() == ReliefKind.PENALTY_MORATORIUM) {
            jdbc.update("""
                    INSERT INTO programme_moratorium_window (program_id, name, active_from, active_to, last_sequence)
                    VALUES (?, ?, ?, ?, ?) ON CONFLICT (program_id) DO NOTHING""",
                    event.programId().value(), event.name(), Date.valueOf(event.activeFrom()),
                    event.activeTo() == null ? null : Date.valueOf(event.activeTo()), sequence);
        }
    }

    /** Closures of other kinds of programme find no row. */
    @EventHandler
    void on(ProgramClosed event, @SequenceNumber long sequence) {
        jdbc.update("""
                UPDATE programme_moratorium_window SET closed_on = ?, last_sequence = ?
                 WHERE program_id = ? AND last_sequence < ?""",
                Date.valueOf(event.closedOn()), sequence, event.programId().value(), sequence);
    }

    /**
     * Unless done before: every programme's stream is read from the event store and its launch and closure are
     * applied as above, in one transaction with the mark that it was done. A programme whose first event is
     * not a moratorium launch is left after that event (its draws may be many). Runs concurrently with live
     * handling or on several nodes at once harmlessly, for the writes are guarded. Returns whether it ran.
     */
    public boolean backfill() {
        return Boolean.TRUE.equals(transaction.execute(status -> {
            Integer done = jdbc.queryForObject(
                    "SELECT count(*) FROM programme_moratorium_window_backfill", Integer.class);
            if (done != null && done > 0) {
                return false;
            }
            List<String> programmes = jdbc.queryForList("""
                    SELECT aggregate_identifier FROM domain_event_entry
                     WHERE sequence_number = 0 AND payload_type = ? ORDER BY global_index""",
                    String.class, ProgramLaunched.class.getName());
            programmes.forEach(this::replay);
            jdbc.update("""
                    INSERT INTO programme_moratorium_window_backfill (done, completed_at) VALUES (TRUE, ?)
                    ON CONFLICT (done) DO NOTHING""", Timestamp.from(clock.instant()));
            return true;
        }));
    }

    private void replay(String programId) {
        DomainEventStream stream = eventStore.readEvents(programId);
        boolean moratorium = false;
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (event.getPayload() instanceof ProgramLaunched launched) {
                moratorium = launched.kind() == ReliefKind.PENALTY_MORATORIUM;
                on(launched, event.getSequenceNumber());
            } else if (event.getPayload() instanceof ProgramClosed closed) {
                on(closed, event.getSequenceNumber());
            }
            if (!moratorium) {
                return;
            }
        }
    }

    private static LocalDate date(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
