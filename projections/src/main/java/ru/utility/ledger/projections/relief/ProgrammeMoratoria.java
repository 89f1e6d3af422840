package ru.utility.ledger.projections.relief;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;

import ru.utility.ledger.core.api.ProgramId;
import ru.utility.ledger.core.api.penalty.Moratorium;

/**
 * The penalty moratoria declared by launched PENALTY_MORATORIUM programmes: each programme's window from
 * {@code activeFrom} through {@code activeTo} (open-ended: {@link #OPEN_END}), ended early by a closure
 * (the last day is the day before {@code closedOn}). A programme closed on its first day declares none.
 * The moratorium's source names the programme, so penalty explanations do too.
 */
@Service
public class ProgrammeMoratoria {

    /** The last day of an open-ended programme's moratorium. */
    public static final LocalDate OPEN_END = Moratorium.OPEN_END;

    private static final RowMapper<Optional<Moratorium>> ROW = (rs, n) -> window(
            rs.getString("program_id"), rs.getString("name"), rs.getDate("active_from").toLocalDate(),
            rs.getDate("active_to") == null ? null : rs.getDate("active_to").toLocalDate(),
            rs.getDate("closed_on") == null ? null : rs.getDate("closed_on").toLocalDate());

    private final JdbcTemplate jdbc;

    public ProgrammeMoratoria(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Moratorium> all() {
        return jdbc.query("SELECT * FROM programme_moratorium ORDER BY active_from, program_id", ROW)
                .stream().flatMap(Optional::stream).toList();
    }

    /** The programme's moratorium as known to the rules; empty while not (yet) projected or closed on day one. */
    public Optional<Moratorium> of(ProgramId programId) {
        return jdbc.query("SELECT * FROM programme_moratorium WHERE program_id = ?", ROW, programId.value())
                .stream().flatMap(Optional::stream).findFirst();
    }

    public static String sourceOf(String programId, String name) {
        return Moratorium.programmeSource(programId, name);
    }

    static Optional<Moratorium> window(String programId, String name, LocalDate from, LocalDate to, LocalDate closedOn) {
        return Moratorium.ofProgramme(programId, name, from, to, closedOn);
    }
}
