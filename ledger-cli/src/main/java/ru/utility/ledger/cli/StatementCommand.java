package ru.utility.ledger.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ledger statement ACCOUNT --from --to}: the account's statement as CSV (role FINANCE or AUDITOR). */
@Command(name = "statement", description = "An account's statement for a date range as CSV: opening balance, "
        + "movements with running balance, closing balance.")
final class StatementCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ACCOUNT", description = "The account id, e.g. 77-0001-2345")
    String account;

    @Option(names = "--from", paramLabel = "DATE", description = "First business date, YYYY-MM-DD (required by the "
            + "ledger)")
    String from;

    @Option(names = "--to", paramLabel = "DATE", description = "Last business date, inclusive (required by the "
            + "ledger)")
    String to;

    @Mixin
    ExportOptions export;

    @Override
    public Integer call() {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("from", from);
        query.put("to", to);
        query.put("format", "csv");
        query.put("dialect", export.dialect);
        export.download(spec, "/api/v1/accounts/" + LedgerClient.segment(account) + "/statement", query, "text/csv");
        return ExitCodes.OK;
    }
}
