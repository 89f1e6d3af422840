package ru.utility.ledger.projections.relief;

/**
 * The one definition of when an enrolment's relief ends and whether it is active on a day, shared by the
 * statistics and the overdue list's {@code inRelief} filter. Expressions over {@code relief_enrolment e}
 * left-joined with {@code relief_program p}.
 */
public final class ReliefSql {

    /**
     * The last day the relief applies: the earliest of the enrolment's window end (copied from the programme
     * when the account enrolled), the day before the programme's closure, and an explicit end recorded by an
     * event of the relief itself ({@code ended_on}). NULL while none is known (open-ended).
     */
    public static final String RELIEF_ENDS_ON = "LEAST(e.active_to, p.closed_on - 1, e.ended_on)";

    /** The tables the expressions read, aliased. */
    public static final String ENROLMENTS = "relief_enrolment e LEFT JOIN relief_program p ON p.program_id = e.program_id";

    /**
     * A condition true when the account in {@code accountColumn} has an enrolment active on the day given by
     * the two {@code ?} parameters it contains (bind the day twice).
     */
    public static String hasActiveEnrolment(String accountColumn) {
        return "EXISTS (SELECT 1 FROM " + ENROLMENTS + " WHERE e.account_id = " + accountColumn
                + " AND e.enrolled_on <= ? AND (" + RELIEF_ENDS_ON + " IS NULL OR " + RELIEF_ENDS_ON + " >= ?))";
    }

    private ReliefSql() {
    }
}
