package ru.utility.ledger.core.api.penalty;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * Days from {@code from} through {@code through} accrue no penalty, though they still count as overdue.
 *
 * @param debtsDueBefore null when every debt is covered (Decree 424 of 2020, programme moratoria); otherwise
 *                       only debts that arose before the moratorium, i.e. fell due before this day (the
 *                       bankruptcy moratorium of Decree 497 of 2022 covers claims that arose before it began)
 */
public record Moratorium(LocalDate from, LocalDate through, LocalDate debtsDueBefore, String source) {

    /** The last day of an open-ended programme's moratorium. */
    public static final LocalDate OPEN_END = LocalDate.of(9999, 12, 31);

    public Moratorium(LocalDate from, LocalDate through, String source) {
        this(from, through, null, source);
    }

    public Moratorium {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(through, "through");
        Objects.requireNonNull(source, "source");
        if (through.isBefore(from)) {
            throw new IllegalArgumentException("a window ends before it starts: " + from + " to " + through);
        }
    }

    public boolean covers(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(through);
    }

    /** Whether a debt billed as due on {@code debtDueDate} accrues nothing on {@code day}. */
    public boolean covers(LocalDate day, LocalDate debtDueDate) {
        return covers(day) && (debtsDueBefore == null || debtDueDate.isBefore(debtsDueBefore));
    }

    public boolean coversEveryDebt() {
        return debtsDueBefore == null;
    }

    /**
     * The moratorium a PENALTY_MORATORIUM programme declares: {@code activeFrom} through {@code activeTo}
     * ({@link #OPEN_END} when open-ended), ended early by a closure (its last day is the day before
     * {@code closedOn}); none when closed on its first day. The source names the programme, so penalty
     * explanations do too. The write side's rules and the read side's programme view both build it here.
     */
    public static Optional<Moratorium> ofProgramme(String programId, String name, LocalDate activeFrom,
                                                   LocalDate activeTo, LocalDate closedOn) {
        LocalDate through = activeTo == null ? OPEN_END : activeTo;
        if (closedOn != null && !closedOn.minusDays(1).isAfter(through)) {
            through = closedOn.minusDays(1);
        }
        return through.isBefore(activeFrom) ? Optional.empty()
                : Optional.of(new Moratorium(activeFrom, through, programmeSource(programId, name)));
    }

    public static String programmeSource(String programId, String name) {
        return "relief programme " + programId + " (" + name + ")";
    }
}
