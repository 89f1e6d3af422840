package ru.utility.ledger.api.report;

import java.time.Clock;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static ru.utility.ledger.api.csv.CsvWriter.decimal;
import static ru.utility.ledger.api.csv.CsvWriter.text;

import ru.utility.ledger.api.csv.CsvExports;
import ru.utility.ledger.api.history.AccountHistory;
import ru.utility.ledger.api.http.RequestFields;
import ru.utility.ledger.api.http.UnknownAccountException;
import ru.utility.ledger.api.report.PenaltyCalculationResponses.ChargeTotal;
import ru.utility.ledger.api.report.PenaltyCalculationResponses.PenaltyCalculationResponse;
import ru.utility.ledger.api.report.PenaltyCalculationResponses.Row;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.LedgerRuleViolation;
import ru.utility.ledger.core.api.LedgerTime;
import ru.utility.ledger.core.api.RuleViolationCode;
import ru.utility.ledger.core.api.debt.AccountDebts;
import ru.utility.ledger.core.api.penalty.PenaltyCalculationTable;
import ru.utility.ledger.core.api.penalty.PenaltyRulesInForce;
import ru.utility.ledger.core.api.penalty.PenaltyStatement;
import ru.utility.ledger.projections.balance.BalanceQueries;

/**
 * The penalty owed on a date laid out for a court (расчёт пени): JSON, CSV or a printable HTML page. Computed
 * from the account's own events with the rules in force, like {@code GET .../penalty}, whose {@code owed} it
 * totals to the kopeck.
 */
@RestController
@Tag(name = "Debt")
public class PenaltyCalculationController {

    static final MediaType TEXT_HTML = MediaType.parseMediaType("text/html;charset=UTF-8");
    static final String CSV_HEADER = "line,number,charge_id,billing_period,due_date,debt,paid_on,from,to,days,"
            + "overdue_days,rate_percent,rate_day,fraction,formula,moratorium,moratorium_days,moratorium_amount,penalty";

    private final AccountHistory history;
    private final PenaltyRulesInForce rules;
    private final BalanceQueries balances;
    private final Clock clock;

    public PenaltyCalculationController(AccountHistory history, PenaltyRulesInForce rules, BalanceQueries balances,
                                       Clock clock) {
        this.history = history;
        this.rules = rules;
        this.balances = balances;
        this.clock = clock;
    }

    @GetMapping("/api/v1/accounts/{accountId}/penalty-calculation")
    @Operation(operationId = "getPenaltyCalculation",
            summary = "The penalty owed on a date as a court calculation (расчёт пени)", description = """
            One row per part of a charge and run of days in one band: period, debt, from, to, days, rate, fraction \
            (1/300 or 1/130), the moratorium days and what they would have accrued, the exact penalty; each \
            charge's penalty rounded once half-up, and the total, which equals GET .../penalty's owed. asOf \
            defaults to today, not in the future. format=json (default), csv or html (a printable page).""")
    @ApiResponse(responseCode = "200", description = "The calculation: JSON, CSV or a printable page", content = {
                    @Content(mediaType = "application/json",
                            schema = @Schema(implementation = PenaltyCalculationResponse.class)),
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
                    @Content(mediaType = "text/html", schema = @Schema(type = "string"))})
    public ResponseEntity<?> calculation(@PathVariable String accountId,
                                         @RequestParam(required = false) String asOf,
                                         @Parameter(schema = @Schema(allowableValues = {"json", "csv", "html"}))
                                         @RequestParam(required = false) String format,
                                         @RequestParam(required = false) String dialect) {
        RequestFields fields = new RequestFields();
        AccountId id = fields.required("accountId", accountId, AccountId::of);
        LocalDate day = fields.optional("asOf", asOf, RequestFields::date);
        String chosen = fields.optional("format", format, raw -> {
            if (!List.of("json", "csv", "html").contains(raw)) {
                throw new IllegalArgumentException("must be json, csv or html");
            }
            return raw;
        });
        ru.utility.ledger.api.csv.CsvDialect csvDialect = CsvExports.dialect(fields, dialect);
        fields.check();
        CsvExports.onlyWithCsv(dialect, "csv".equals(chosen));
        LocalDate today = LedgerTime.today(clock);
        if (day != null && day.isAfter(today)) {
            throw LedgerRuleViolation.of(RuleViolationCode.DATE_IN_FUTURE, "asOf",
                    "asOf " + day + " is after today (" + today + ")");
        }
        LocalDate effective = day == null ? today : day;
        AccountDebts debts = history.debts(id).orElseThrow(() -> new UnknownAccountException(id));
        PenaltyStatement statement;
        try {
            statement = rules.statement(debts, effective);
        } catch (IllegalArgumentException e) {
            throw LedgerRuleViolation.of(RuleViolationCode.NO_PENALTY_RULE, "asOf", e.getMessage());
        }
        PenaltyCalculationTable table = PenaltyCalculationTable.of(statement);
        PenaltyCalculationResponse response = new PenaltyCalculationResponse(id,
                balances.find(id).map(v -> v.holderName()).orElse(null), table.asOf(),
                table.rows().stream().map(Row::of).toList(), table.charges().stream().map(ChargeTotal::of).toList(),
                table.total(), table.moratoriumDays(), table.moratoriumForgone());
        String file = id.value() + "-penalty-" + effective;
        return switch (chosen == null ? "json" : chosen) {
            case "csv" -> CsvExports.attachment(file, csv(response, csvDialect));
            case "html" -> ResponseEntity.ok().contentType(TEXT_HTML).body(html(response));
            default -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(response);
        };
    }

    /** A ROW line per row, a CHARGE_TOTAL line per charge, a TOTAL line; text quoted as in statements. */
    static String csv(PenaltyCalculationResponse r, ru.utility.ledger.api.csv.CsvDialect dialect) {
        return ru.utility.ledger.api.csv.CsvWriter.render(dialect, csv -> {
            csv.row((Object[]) CSV_HEADER.split(","));
            for (Row row : r.rows()) {
                csv.row("ROW", row.number(), text(row.chargeId()), row.billingPeriod(), row.dueDate(), row.debt(),
                        row.paidOn(), row.from(), row.through(), row.days(), row.overdueDays(), decimal(row.ratePercent()),
                        row.rateDay(), row.fraction(), text(row.formula()), text(row.moratorium()), row.moratoriumDays(),
                        decimal(row.moratoriumAmount()), decimal(row.penalty()));
            }
            for (ChargeTotal charge : r.charges()) {
                csv.row("CHARGE_TOTAL", null, text(charge.chargeId()), charge.billingPeriod(), null, null, null, null,
                        null, null, null, null, null, null, null, null, null, null, charge.penalty());
            }
            csv.row("TOTAL", null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                    r.moratoriumDays(), r.moratoriumForgone(), r.total());
        });
    }

    /** A page to print and file: the same rows, each value escaped. */
    static String html(PenaltyCalculationResponse r) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"ru\"><head><meta charset=\"utf-8\">"
                + "<title>Расчёт пени</title><style>body{font-family:serif}table{border-collapse:collapse}"
                + "td,th{border:1px solid #000;padding:2px 6px;text-align:right}td.t{text-align:left}</style></head><body>\n")
                .append("<h1>Расчёт пени (Housing Code art. 155 p.14)</h1>\n<p>Лицевой счёт ")
                .append(escape(r.accountId().value())).append(r.holderName() == null ? "" : ", " + escape(r.holderName()))
                .append("; на дату ").append(r.asOf()).append("</p>\n<table>\n<tr><th>№</th><th>Начисление</th>"
                        + "<th>Период</th><th>Срок оплаты</th><th>Задолженность</th><th>Оплачено</th><th>С</th>"
                        + "<th>По</th><th>Дней</th><th>Ставка, %</th><th>Доля ставки</th><th>Формула</th>"
                        + "<th>Мораторий</th><th>Дней моратория</th><th>Сумма за дни моратория</th><th>Пени</th></tr>\n");
        for (Row row : r.rows()) {
            html.append("<tr><td>").append(row.number()).append("</td><td class=\"t\">").append(escape(row.chargeId()))
                    .append("</td><td>").append(row.billingPeriod()).append("</td><td>").append(row.dueDate())
                    .append("</td><td>").append(row.debt()).append("</td><td>")
                    .append(row.paidOn() == null ? "" : row.paidOn()).append("</td><td>").append(row.from())
                    .append("</td><td>").append(row.through()).append("</td><td>").append(row.days()).append("</td><td>")
                    .append(row.ratePercent()).append("</td><td>").append(row.fraction())
                    .append("</td><td class=\"t\">").append(escape(row.formula())).append("</td><td class=\"t\">")
                    .append(escape(row.moratorium() == null ? "" : row.moratorium())).append("</td><td>")
                    .append(row.moratoriumDays()).append("</td><td>").append(row.moratoriumAmount())
                    .append("</td><td>").append(row.penalty()).append("</td></tr>\n");
        }
        for (ChargeTotal charge : r.charges()) {
            html.append("<tr><td colspan=\"15\" class=\"t\">Итого по ").append(escape(charge.chargeId()))
                    .append(" (").append(charge.billingPeriod()).append("), округлено</td><td>").append(charge.penalty())
                    .append("</td></tr>\n");
        }
        html.append("<tr><th colspan=\"13\" class=\"t\">Итого</th><th>").append(r.moratoriumDays()).append("</th><th>")
                .append(r.moratoriumForgone()).append("</th><th>").append(r.total()).append("</th></tr>\n</table>\n")
                .append("</body></html>\n");
        return html.toString();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
