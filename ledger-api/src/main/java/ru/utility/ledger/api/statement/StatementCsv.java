package ru.utility.ledger.api.statement;

import static ru.utility.ledger.api.csv.CsvWriter.text;

import ru.utility.ledger.api.csv.CsvDialect;
import ru.utility.ledger.api.csv.CsvWriter;
import ru.utility.ledger.projections.statement.Statement;

/**
 * CSV of a statement: an opening row, one row per movement, a closing row, then a TIME_BARRED row per charge more
 * than three years past due with principal unpaid (its unpaid amount; no running balance: it is part of the closing
 * balance, not a movement). Written by the shared {@link CsvWriter} in the chosen dialect.
 */
final class StatementCsv {

    static final String HEADER = "date,kind,reference,description,amount,running_balance";

    private StatementCsv() {
    }

    static String render(Statement statement, CsvDialect dialect) {
        return CsvWriter.render(dialect, csv -> {
            csv.row((Object[]) HEADER.split(","));
            csv.row(statement.from(), "OPENING_BALANCE", null, null, null, statement.openingBalance());
            for (Statement.Movement movement : statement.movements()) {
                csv.row(movement.date(), movement.kind(), text(movement.reference()), text(movement.description()),
                        movement.amount(), movement.runningBalance());
            }
            csv.row(statement.to(), "CLOSING_BALANCE", null, null, null, statement.closingBalance());
            for (Statement.TimeBarredCharge charge : statement.timeBarred()) {
                csv.row(statement.to(), "TIME_BARRED", text(charge.chargeId()), text("Period " + charge.billingPeriod()
                        + " due " + charge.dueDate() + ", claimable in court through " + charge.lastClaimableDay()),
                        charge.unpaid(), null);
            }
        });
    }
}
