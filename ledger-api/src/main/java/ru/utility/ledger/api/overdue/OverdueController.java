package ru.utility.ledger.api.overdue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import ru.utility.ledger.api.csv.CsvDialect;
import ru.utility.ledger.api.csv.CsvExports;
import ru.utility.ledger.api.csv.CsvWriter;
import ru.utility.ledger.api.http.RequestFields;
import ru.utility.ledger.api.overdue.OverdueRequests.OverdueParams;
import ru.utility.ledger.core.api.LedgerTime;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.RegionCode;
import ru.utility.ledger.core.api.SocialCategory;
import ru.utility.ledger.core.api.penalty.PenaltyRulesInForce;
import ru.utility.ledger.projections.overdue.AgingBucket;
import ru.utility.ledger.projections.overdue.OverdueAccount;
import ru.utility.ledger.projections.overdue.OverdueCursor;
import ru.utility.ledger.projections.overdue.OverdueFilter;
import ru.utility.ledger.projections.overdue.OverduePage;
import ru.utility.ledger.projections.overdue.OverdueQueries;
import ru.utility.ledger.projections.overdue.OverdueSort;

/** The overdue list for finance staff and auditors: filtered, sorted, keyset-paged, with aging totals. */
@RestController
@RequestMapping("/api/v1/overdue")
@Tag(name = "Overdue", description = "Accounts with unpaid charges past their due date, by aging bucket")
public class OverdueController {

    static final int MAX_PAGE = 1000;
    static final String CSV_HEADER =
            "account_id,region_code,categories,overdue_amount,oldest_due_date,days_overdue,bucket,overdue_charges,"
                    + "time_barred_amount";
    private static final Map<String, OverdueSort> SORTS = Map.of("daysOverdue", OverdueSort.DAYS_OVERDUE,
            "amount", OverdueSort.AMOUNT, "accountId", OverdueSort.ACCOUNT_ID);

    private final OverdueQueries overdue;
    private final PenaltyRulesInForce penalties;
    private final Clock clock;

    public OverdueController(OverdueQueries overdue, PenaltyRulesInForce penalties, Clock clock) {
        this.overdue = overdue;
        this.penalties = penalties;
        this.clock = clock;
    }

    @GetMapping
    @Operation(operationId = "listOverdue",
            summary = "Accounts with overdue debt on a business date (default: today)", description = """
            Filters: region, category (valid on asOf), bucket (of the account's oldest overdue charge: \
            DAYS_1_30, DAYS_31_90, DAYS_91_180, DAYS_181_365, OVER_365), minDays, minAmount (whole overdue \
            amount), inRelief (a relief enrolment active on asOf), restrictionEligible (the restriction-candidate \
            rule on asOf). timeBarredAmount is the part of an account's overdue amount more than three years past \
            due on asOf (Civil Code art. 196), totalTimeBarred its total. sort=daysOverdue|amount|accountId, direction=desc|asc (default daysOverdue desc); \
            limit 1-1000 (default 100) and cursor=nextCursor for the next page. Totals cover everything the \
            filter matches. format=csv streams every matching account as CSV instead.""")
    @ApiResponse(responseCode = "200", description = "A page of overdue accounts as JSON; with format=csv every "
            + "matching account as CSV", content = {
                    @Content(mediaType = "application/json", schema = @Schema(implementation = OverduePage.class)),
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    public OverduePage list(@ParameterObject OverdueParams params) {
        Query query = parse(params, params.format());
        return overdue.page(query.filter, query.sort, query.descending, query.after, query.limit);
    }

    /** The same list as CSV, streamed row by row from a database cursor (no paging, no totals). */
    @GetMapping(params = "format=csv")
    @Operation(hidden = true) // documented with list: one operation, two media types
    public ResponseEntity<StreamingResponseBody> export(@ParameterObject OverdueParams params) {
        Query query = parse(params, "csv");
        StreamingResponseBody body = out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
            CsvWriter csv = new CsvWriter(writer, query.dialect);
            try {
                csv.row((Object[]) CSV_HEADER.split(","));
                overdue.export(query.filter, query.sort, query.descending, account -> csvLine(csv, account));
                csv.flush();
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        };
        return CsvExports.attachment("overdue-" + query.filter.asOf(), body);
    }

    static void csvLine(CsvWriter csv, OverdueAccount account) {
        csv.row(account.accountId().value(), account.regionCode().value(),
                CsvWriter.text(String.join(" ", account.categories().stream().map(Enum::name).toList())),
                account.overdueAmount(), account.oldestDueDate(), account.daysOverdue(), account.bucket(),
                account.overdueCharges(), account.timeBarredAmount());
    }

    private record Query(OverdueFilter filter, OverdueSort sort, boolean descending, OverdueCursor after, int limit,
                         CsvDialect dialect) {
    }

    private Query parse(OverdueParams params, String format) {
        RequestFields fields = new RequestFields();
        LocalDate date = fields.optional("asOf", params.asOf(), RequestFields::date);
        RegionCode regionCode = fields.optional("region", params.region(), RegionCode::of);
        SocialCategory socialCategory = fields.optional("category", params.category(),
                RequestFields.enumOf(SocialCategory.class));
        AgingBucket agingBucket = fields.optional("bucket", params.bucket(), RequestFields.enumOf(AgingBucket.class));
        Long days = fields.optional("minDays", params.minDays(), raw -> RequestFields.longInRange(raw, 1, 100_000));
        Money amount = fields.optional("minAmount", params.minAmount(), raw -> Money.parse(raw).requirePositiveInput());
        OverdueSort order = fields.optional("sort", params.sort(), OverdueController::sort);
        String dir = fields.optional("direction", params.direction(), raw -> oneOf(raw, "asc", "desc"));
        Long size = fields.optional("limit", params.limit(), raw -> RequestFields.longInRange(raw, 1, MAX_PAGE));
        Boolean inRelief = fields.optional("inRelief", params.inRelief(), OverdueController::bool);
        Boolean eligible = fields.optional("restrictionEligible", params.restrictionEligible(), OverdueController::bool);
        String chosen = fields.optional("format", format, raw -> oneOf(raw, "json", "csv"));
        CsvDialect dialect = CsvExports.dialect(fields, params.dialect());
        if (!"csv".equals(chosen) && params.dialect() != null && !params.dialect().isBlank()) {
            fields.reject("dialect", "applies only to format=csv");
        }
        OverdueSort effectiveSort = order == null ? OverdueSort.DAYS_OVERDUE : order;
        boolean descending = !"asc".equals(dir);
        OverdueCursor after = null;
        if ("csv".equals(chosen)) {
            if (params.cursor() != null && !params.cursor().isBlank()) {
                fields.reject("cursor", "is not used with format=csv: the export holds every matching account");
            }
        } else if (params.sort() == null || order != null) {
            // A cursor is checked against the order only when that order itself is valid.
            after = fields.optional("cursor", params.cursor(), raw -> OverdueCursor.decode(raw, effectiveSort, descending));
        }
        fields.check();
        LocalDate day = date == null ? LedgerTime.today(clock) : date;
        OverdueFilter filter = new OverdueFilter(day, regionCode, socialCategory, agingBucket,
                days == null ? null : days.intValue(), amount, inRelief, eligible,
                RestrictionController.moratoriumOn(penalties, day) != null);
        return new Query(filter, effectiveSort, descending, after, size == null ? 100 : size.intValue(),
                dialect);
    }

    private static OverdueSort sort(String raw) {
        OverdueSort sort = SORTS.get(raw);
        if (sort == null) {
            throw new IllegalArgumentException("must be one of " + List.of("daysOverdue", "amount", "accountId"));
        }
        return sort;
    }

    private static Boolean bool(String raw) {
        return switch (raw) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("must be one of [true, false]");
        };
    }

    private static String oneOf(String raw, String... allowed) {
        if (!List.of(allowed).contains(raw)) {
            throw new IllegalArgumentException("must be one of " + List.of(allowed));
        }
        return raw;
    }
}
