package ru.utility.ledger.api.report;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import ru.utility.ledger.api.csv.CsvDialect;
import ru.utility.ledger.api.csv.CsvExports;
import ru.utility.ledger.api.csv.CsvWriter;
import ru.utility.ledger.api.http.RequestFields;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.LedgerTime;
import ru.utility.ledger.core.api.RegionCode;
import ru.utility.ledger.projections.statement.TurnoverLine;
import ru.utility.ledger.projections.statement.TurnoverQueries;
import ru.utility.ledger.projections.statement.TurnoverSheet;

/** The turnover balance sheet (оборотно-сальдовая ведомость) for finance staff and auditors. */
@RestController
@Tag(name = "Reports", description = "Turnover balance sheet and reconciliation statements")
public class TurnoverController {

    static final int MAX_PAGE = 1000;
    static final String CSV_HEADER = "line,account_id,holder_name,region_code,opening_principal,opening_penalties,"
            + "opening,charged,corrected,paid,reversed,relief_credits,penalties_accrued,written_off,paid_to_penalties,"
            + "closing_principal,closing_penalties,closing";

    private final TurnoverQueries turnover;
    private final Clock clock;

    public TurnoverController(TurnoverQueries turnover, Clock clock) {
        this.turnover = turnover;
        this.clock = clock;
    }

    @GetMapping("/api/v1/reports/turnover")
    @Operation(operationId = "getTurnoverSheet",
            summary = "Turnover balance sheet for a period (оборотно-сальдовая ведомость)",
            description = """
            Per account opened by `to` with a balance or a movement: opening balance (principal and penalties), \
            charged, corrected, paid, reversed, relief credits, penalties accrued, written off, what payments \
            settled of penalties, closing balance (principal and penalties); totals per region and overall for \
            every matching account. Signed like statements (positive raises the debt). from, to: business dates, \
            inclusive, to not after today; knownAt: an instant, to see the period as the ledger knew it then; \
            region; limit 1-1000 (default 100), cursor=nextCursor. format=csv streams every matching account, then \
            the region and total rows (dialect=rfc4180 default, or excel).""")
    @ApiResponse(responseCode = "200", description = "A page of the sheet as JSON; with format=csv the "
            + "whole sheet as CSV", content = {
                    @Content(mediaType = "application/json", schema = @Schema(implementation = TurnoverSheet.class)),
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    public ResponseEntity<TurnoverSheet> sheet(@RequestParam(required = false) String from,
                                               @RequestParam(required = false) String to,
                                               @RequestParam(required = false) String knownAt,
                                               @RequestParam(required = false) String region,
                                               @RequestParam(required = false) String limit,
                                               @RequestParam(required = false) String cursor,
                                               @Parameter(schema = @Schema(allowableValues = {"json", "csv"}))
                                               @RequestParam(required = false) String format,
                                               @RequestParam(required = false) String dialect) {
        Query q = parse(from, to, knownAt, region, limit, cursor, format, dialect);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(
                turnover.page(q.start, q.end, q.known, q.region, q.after, q.size));
    }

    /** The same sheet as CSV, streamed from a database cursor (no paging). A separate handler: Spring streams a body
     * only when the method's declared type says so. */
    @GetMapping(path = "/api/v1/reports/turnover", params = "format=csv")
    @Operation(hidden = true) // documented with sheet: one operation, two media types
    public ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) String from,
                                                        @RequestParam(required = false) String to,
                                                        @RequestParam(required = false) String knownAt,
                                                        @RequestParam(required = false) String region,
                                                        @RequestParam(required = false) String limit,
                                                        @RequestParam(required = false) String cursor,
                                                        @RequestParam(required = false) String dialect) {
        Query q = parse(from, to, knownAt, region, limit, cursor, "csv", dialect);
        LocalDate start = q.start;
        LocalDate end = q.end;
        Instant known = q.known;
        RegionCode regionCode = q.region;
        CsvDialect csvDialect = q.dialect;
        StreamingResponseBody body = out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
            CsvWriter rows = new CsvWriter(writer, csvDialect);
            try {
                rows.row((Object[]) CSV_HEADER.split(","));
                List<TurnoverSheet.RegionRow> regions = turnover.export(start, end, known, regionCode,
                        account -> row(rows, "ACCOUNT", account.accountId().value(), account.holderName(),
                                account.regionCode().value(), account.line()));
                for (TurnoverSheet.RegionRow total : regions) {
                    row(rows, "REGION_TOTAL", null, null, total.regionCode().value(), total.line());
                }
                row(rows, "TOTAL", null, null, null, TurnoverQueries.total(regions));
                rows.flush();
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        };
        return CsvExports.attachment("turnover-" + start + "-" + end + (regionCode == null ? "" : "-" + regionCode),
                body);
    }

    private record Query(LocalDate start, LocalDate end, Instant known, RegionCode region, AccountId after, int size,
                         CsvDialect dialect) {
    }

    private Query parse(String from,
                        String to, String knownAt, String region, String limit, String cursor, String format,
                        String dialect) {
        RequestFields fields = new RequestFields();
        LocalDate start = fields.required("from", from, RequestFields::date);
        LocalDate end = fields.required("to", to, RequestFields::date);
        Instant known = fields.optional("knownAt", knownAt, RequestFields::instant);
        RegionCode regionCode = fields.optional("region", region, RegionCode::of);
        Long size = fields.optional("limit", limit, raw -> RequestFields.longInRange(raw, 1, MAX_PAGE));
        AccountId after = fields.optional("cursor", cursor, AccountId::of);
        String chosen = fields.optional("format", format, raw -> {
            if (!List.of("json", "csv").contains(raw)) {
                throw new IllegalArgumentException("must be json or csv");
            }
            return raw;
        });
        CsvDialect csvDialect = CsvExports.dialect(fields, dialect);
        boolean csv = "csv".equals(chosen);
        if (start != null && end != null && end.isBefore(start)) {
            fields.reject("to", "must not be before from");
        }
        LocalDate today = LedgerTime.today(clock);
        if (end != null && end.isAfter(today)) {
            fields.reject("to", "must not be after today (" + today + "): the sheet reports what happened");
        }
        if (csv && (cursor != null || limit != null)) {
            fields.reject(cursor != null ? "cursor" : "limit",
                    "is not used with format=csv: the export holds every matching account");
        }
        if (!csv && dialect != null && !dialect.isBlank()) {
            fields.reject("dialect", "applies only to format=csv");
        }
        fields.check();
        return new Query(start, end, known, regionCode, after, size == null ? 100 : size.intValue(), csvDialect);
    }

    private static void row(CsvWriter csv, String kind, String accountId, String holder, String region, TurnoverLine l) {
        csv.row(kind, accountId, CsvWriter.text(holder), region, l.openingPrincipal(), l.openingPenalties(), l.opening(),
                l.charged(), l.corrected(), l.paid(), l.reversed(), l.reliefCredits(), l.penaltiesAccrued(),
                l.writtenOff(), l.paidToPenalties(), l.closingPrincipal(), l.closingPenalties(), l.closing());
    }
}
