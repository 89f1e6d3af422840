package ru.utility.ledger.api.report;

import static ru.utility.ledger.api.report.PenaltyCalculationController.escape;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
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

import ru.utility.ledger.api.csv.CsvDialect;
import ru.utility.ledger.api.csv.CsvExports;
import ru.utility.ledger.api.csv.CsvWriter;
import ru.utility.ledger.api.http.RequestFields;
import ru.utility.ledger.api.http.UnknownAccountException;
import ru.utility.ledger.api.report.ReconciliationResponses.Document;
import ru.utility.ledger.api.report.ReconciliationResponses.Reconciliation;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.LedgerTime;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.projections.balance.BalanceQueries;
import ru.utility.ledger.projections.statement.MovementKind;
import ru.utility.ledger.projections.statement.Statement;
import ru.utility.ledger.projections.statement.StatementQueries;

/**
 * The reconciliation statement (акт сверки) of one account between two dates: the statement's documents laid out
 * as debit (what raised the customer's debt) and credit (what lowered it), with the balances at both ends. Built
 * from the same statements projection as {@code GET .../statement}, so both agree to the kopeck.
 */
@RestController
@Tag(name = "Reports")
public class ReconciliationController {

    static final String CSV_HEADER = "line,date,document,reference,description,debit,credit,balance";

    private final StatementQueries statements;
    private final BalanceQueries balances;
    private final Clock clock;

    public ReconciliationController(StatementQueries statements, BalanceQueries balances, Clock clock) {
        this.statements = statements;
        this.balances = balances;
        this.clock = clock;
    }

    @GetMapping("/api/v1/accounts/{accountId}/reconciliation")
    @Operation(operationId = "getReconciliation",
            summary = "Reconciliation statement (акт сверки) between two dates", description = """
            Opening balance on from, every document dated from..to (charge, correction, payment, reversal, relief \
            credit, penalty, penalty write-off) with date, reference, debit or credit and the balance after it, \
            totals, closing balance at the end of to. Debit raises the customer's debt. format=json (default), csv \
            (dialect=rfc4180 default, or excel) or html (a printable page).""")
    @ApiResponse(responseCode = "200", description = "The reconciliation statement: JSON, CSV or a "
            + "printable page", content = {
                    @Content(mediaType = "application/json", schema = @Schema(implementation = Reconciliation.class)),
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
                    @Content(mediaType = "text/html", schema = @Schema(type = "string"))})
    public ResponseEntity<?> reconciliation(@PathVariable String accountId,
                                            @RequestParam(required = false) String from,
                                            @RequestParam(required = false) String to,
                                            @Parameter(schema = @Schema(allowableValues = {"json", "csv", "html"}))
                                            @RequestParam(required = false) String format,
                                            @RequestParam(required = false) String dialect) {
        RequestFields fields = new RequestFields();
        AccountId id = fields.required("accountId", accountId, AccountId::of);
        LocalDate start = fields.required("from", from, RequestFields::date);
        LocalDate end = fields.required("to", to, RequestFields::date);
        String chosen = fields.optional("format", format, raw -> {
            if (!List.of("json", "csv", "html").contains(raw)) {
                throw new IllegalArgumentException("must be json, csv or html");
            }
            return raw;
        });
        CsvDialect csvDialect = CsvExports.dialect(fields, dialect);
        if (start != null && end != null && end.isBefore(start)) {
            fields.reject("to", "must not be before from");
        }
        if (!"csv".equals(chosen) && dialect != null && !dialect.isBlank()) {
            fields.reject("dialect", "applies only to format=csv");
        }
        fields.check();
        var account = balances.find(id).orElseThrow(() -> new UnknownAccountException(id));
        LocalDate today = LedgerTime.today(clock);
        Statement statement = statements.statement(id, start, end, end.isAfter(today) ? today : end);
        Reconciliation reconciliation = of(statement, account.holderName());
        String file = id.value() + "-reconciliation-" + start + "-" + end;
        return switch (chosen == null ? "json" : chosen) {
            case "csv" -> CsvExports.attachment(file, csv(reconciliation, csvDialect));
            case "html" -> ResponseEntity.ok().contentType(PenaltyCalculationController.TEXT_HTML)
                    .body(html(reconciliation));
            default -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(reconciliation);
        };
    }

    static Reconciliation of(Statement statement, String holderName) {
        List<Document> documents = new ArrayList<>();
        Money debit = Money.ZERO;
        Money credit = Money.ZERO;
        for (Statement.Movement m : statement.movements()) {
            Money d = m.amount().isNegative() ? Money.ZERO : m.amount();
            Money c = m.amount().isNegative() ? m.amount().negate() : Money.ZERO;
            debit = debit.plus(d);
            credit = credit.plus(c);
            documents.add(new Document(m.date(), m.kind(), document(m.kind(), m.amount()), m.reference(),
                    m.description(), d, c, m.runningBalance()));
        }
        Money opening = statement.openingBalance();
        Money closing = statement.closingBalance();
        return new Reconciliation(statement.accountId(), holderName, statement.from(), statement.to(), opening,
                opening.isNegative() ? Money.ZERO : opening, opening.isNegative() ? opening.negate() : Money.ZERO,
                documents, debit, credit, closing, closing.isNegative() ? Money.ZERO : closing,
                closing.isNegative() ? closing.negate() : Money.ZERO);
    }

    /** The document's name as printed on the act. */
    static String document(MovementKind kind, Money amount) {
        return switch (kind) {
            case CHARGE -> "Начисление";
            case CORRECTION -> amount.isNegative() ? "Перерасчёт (уменьшение)" : "Перерасчёт (доначисление)";
            case PAYMENT -> "Оплата";
            case REVERSAL -> "Возврат (сторно) оплаты";
            case COMPENSATION -> "Компенсация по льготе";
            case DISCOUNT -> "Скидка по льготе";
            case PENALTY -> amount.isNegative() ? "Пени (корректировка)" : "Пени";
            case PENALTY_WRITE_OFF -> "Списание пени";
        };
    }

    static String csv(Reconciliation r, CsvDialect dialect) {
        return CsvWriter.render(dialect, csv -> {
            csv.row((Object[]) CSV_HEADER.split(","));
            csv.row("OPENING", r.from(), null, null, null, r.openingDebit(), r.openingCredit(), r.openingBalance());
            for (Document d : r.documents()) {
                csv.row(d.kind(), d.date(), CsvWriter.text(d.document()), CsvWriter.text(d.reference()),
                        CsvWriter.text(d.description()), d.debit(), d.credit(), d.balance());
            }
            csv.row("TURNOVER", r.to(), null, null, null, r.totalDebit(), r.totalCredit(), null);
            csv.row("CLOSING", r.to(), null, null, null, r.closingDebit(), r.closingCredit(), r.closingBalance());
        });
    }

    static String html(Reconciliation r) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"ru\"><head><meta charset=\"utf-8\">"
                + "<title>Акт сверки</title><style>body{font-family:serif}table{border-collapse:collapse}"
                + "td,th{border:1px solid #000;padding:2px 6px;text-align:right}td.t{text-align:left}</style></head><body>\n")
                .append("<h1>Акт сверки взаимных расчётов</h1>\n<p>Лицевой счёт ").append(escape(r.accountId().value()))
                .append(r.holderName() == null ? "" : ", " + escape(r.holderName())).append("; за период с ")
                .append(r.from()).append(" по ").append(r.to()).append("</p>\n<table>\n<tr><th>Дата</th><th>Документ</th>"
                        + "<th>Номер</th><th>Содержание</th><th>Дебет</th><th>Кредит</th><th>Сальдо</th></tr>\n")
                .append("<tr><td>").append(r.from()).append("</td><td class=\"t\" colspan=\"3\">Сальдо начальное</td><td>")
                .append(r.openingDebit()).append("</td><td>").append(r.openingCredit()).append("</td><td>")
                .append(r.openingBalance()).append("</td></tr>\n");
        for (Document d : r.documents()) {
            html.append("<tr><td>").append(d.date()).append("</td><td class=\"t\">").append(escape(d.document()))
                    .append("</td><td class=\"t\">").append(escape(d.reference())).append("</td><td class=\"t\">")
                    .append(escape(d.description())).append("</td><td>").append(d.debit()).append("</td><td>")
                    .append(d.credit()).append("</td><td>").append(d.balance()).append("</td></tr>\n");
        }
        html.append("<tr><th colspan=\"4\" class=\"t\">Обороты за период</th><th>").append(r.totalDebit())
                .append("</th><th>").append(r.totalCredit()).append("</th><th></th></tr>\n")
                .append("<tr><th colspan=\"4\" class=\"t\">Сальдо конечное на ").append(r.to()).append("</th><th>")
                .append(r.closingDebit()).append("</th><th>").append(r.closingCredit()).append("</th><th>")
                .append(r.closingBalance()).append("</th></tr>\n</table>\n</body></html>\n");
        return html.toString();
    }
}
