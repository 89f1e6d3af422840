package ru.utility.ledger.api.statement;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ru.utility.ledger.api.csv.CsvExports;
import ru.utility.ledger.api.http.RequestFields;
import ru.utility.ledger.api.http.UnknownAccountException;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.LedgerTime;
import ru.utility.ledger.projections.balance.BalanceQueries;
import ru.utility.ledger.projections.statement.Statement;
import ru.utility.ledger.projections.statement.StatementQueries;

/** Account statements from the statements projection, as JSON or CSV. */
@RestController
@RequestMapping("/api/v1/accounts/{accountId}/statement")
@Tag(name = "Statements", description = "Opening balance, movements with running balance, closing balance")
public class StatementController {

    static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv");

    private final StatementQueries statements;
    private final BalanceQueries balances;
    private final Clock clock;

    public StatementController(StatementQueries statements, BalanceQueries balances, Clock clock) {
        this.statements = statements;
        this.balances = balances;
        this.clock = clock;
    }

    @GetMapping
    @Operation(operationId = "getStatement",
            summary = "Statement for a date range (business dates, inclusive)", description = "JSON by default; "
            + "CSV with format=csv or Accept: text/csv (dialect=excel for a spreadsheet: semicolons, decimal commas, "
            + "UTF-8 BOM). Positive amounts increase the debt, negative reduce it. "
            + "timeBarred lists the charges more than three years past due on timeBarredOn (to, at the latest "
            + "today) with principal unpaid; their charge lines carry timeBarred=true.")
    @ApiResponse(responseCode = "200", description = "The statement: JSON, or CSV with format=csv", content = {
                    @Content(mediaType = "application/json", schema = @Schema(implementation = Statement.class)),
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    public ResponseEntity<?> statement(@PathVariable String accountId, @RequestParam(required = false) String from,
                                       @RequestParam(required = false) String to,
                                       @Parameter(schema = @Schema(allowableValues = {"json", "csv"}))
                                       @RequestParam(required = false) String format,
                                       @RequestParam(required = false) String dialect,
                                       @Parameter(hidden = true)
                                       @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        RequestFields fields = new RequestFields();
        AccountId id = fields.required("accountId", accountId, AccountId::of);
        LocalDate start = fields.required("from", from, RequestFields::date);
        LocalDate end = fields.required("to", to, RequestFields::date);
        String chosen = fields.optional("format", format, StatementController::format);
        ru.utility.ledger.api.csv.CsvDialect csvDialect = CsvExports.dialect(fields, dialect);
        if (start != null && end != null && end.isBefore(start)) {
            fields.reject("to", "must not be before from");
        }
        fields.check();
        CsvExports.onlyWithCsv(dialect, "csv".equals(chosen) || (chosen == null && wantsCsv(accept)));
        if (balances.find(id).isEmpty()) {
            throw new UnknownAccountException(id);
        }
        // Time-barred debt is judged on the statement's last day, but never on a day still to come.
        LocalDate today = LedgerTime.today(clock);
        Statement statement = statements.statement(id, start, end, end.isAfter(today) ? today : end);
        boolean csv = "csv".equals(chosen) || (chosen == null && wantsCsv(accept));
        if (!csv) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(statement);
        }
        return CsvExports.attachment(id.value() + "-statement-" + start + "-" + end,
                StatementCsv.render(statement, csvDialect));
    }

    private static String format(String raw) {
        if (!List.of("json", "csv").contains(raw)) {
            throw new IllegalArgumentException("must be json or csv");
        }
        return raw;
    }

    private static boolean wantsCsv(String accept) {
        if (accept == null) {
            return false;
        }
        List<MediaType> types = MediaType.parseMediaTypes(accept);
        types = new java.util.ArrayList<>(types);
        types.sort(java.util.Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        for (MediaType type : types) {
            if (type.isCompatibleWith(TEXT_CSV) && !type.isWildcardType()) {
                return true;
            }
            if (type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
                return false;
            }
        }
        return false;
    }
}
