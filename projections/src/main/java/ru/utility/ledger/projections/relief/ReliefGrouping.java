package ru.utility.ledger.projections.relief;

/**
 * How a programme's enrolments are grouped: by the account's region, by the category the enrolment was made
 * under ({@code NONE} when the programme accepts any holder and the account held none), or by the month of
 * enrolment (a cohort: every figure of the group is about the accounts enrolled that month).
 */
public enum ReliefGrouping {
    REGION("region", "e.region_code"),
    CATEGORY("category", "coalesce(e.category, 'NONE')"),
    MONTH("month", "to_char(e.enrolled_on, 'YYYY-MM')");

    private final String parameter;
    private final String expression;

    ReliefGrouping(String parameter, String expression) {
        this.parameter = parameter;
        this.expression = expression;
    }

    /** The value of the {@code groupBy} request parameter. */
    public String parameter() {
        return parameter;
    }

    String expression() {
        return expression;
    }
}
