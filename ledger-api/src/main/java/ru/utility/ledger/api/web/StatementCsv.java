package ru.utility.ledger.api.web;

import ru.utility.ledger.projections.statement.Statement;

/**
 * RFC 4180 CSV of a statement: an opening row, one row per movement, a closing row, then a TIME_BARRED row per
 * charge more than three years past due with principal unpaid (its unpaid amount; no running balance: it is part
 * of the closing balance, not a movement). Free text is quoted,
 * and a leading {@code = + - @} in it is neutralised so a spreadsheet never runs it as a formula.
 */
final class StatementCsv {

    static final String HEADER = "date,kind,reference,description,amount,running_balance";

    private StatementCsv() {
    }

    static String render(Statement statement) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        csv.append(statement.from()).append(",OPENING_BALANCE,,,,").append(statement.openingBalance()).append("\r\n");
        for (Statement.Movement movement : statement.movements()) {
            csv.append(movement.date()).append(',').append(movement.kind()).append(',')
                    .append(text(movement.reference())).append(',').append(text(movement.description())).append(',')
                    .append(movement.amount()).append(',').append(movement.runningBalance()).append("\r\n");
        }
        csv.append(statement.to()).append(",CLOSING_BALANCE,,,,").append(statement.closingBalance()).append("\r\n");
        for (Statement.TimeBarredCharge charge : statement.timeBarred()) {
            csv.append(statement.to()).append(",TIME_BARRED,").append(text(charge.chargeId())).append(',')
                    .append(text("Period " + charge.billingPeriod() + " due " + charge.dueDate()
                            + ", claimable in court through " + charge.lastClaimableDay()))
                    .append(',').append(charge.unpaid()).append(",\r\n");
        }
        return csv.toString();
    }

    static String text(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
