package ru.utility.ledger.api.console;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import ru.utility.ledger.api.report.PenaltyCalculationController;
import ru.utility.ledger.api.report.ReconciliationController;
import ru.utility.ledger.api.report.TurnoverController;

/**
 * Finance reports. Each report is its own section of the page (a fragment of reports.html) with its own form
 * and handler here, so another report is one more handler and one more fragment: the court-format penalty
 * calculation, the reconciliation statement (акт сверки) and the turnover balance sheet (оборотно-сальдовая
 * ведомость), each read through the API's own controller.
 */
@Controller
public class ReportsPageController {

    /** Accounts shown on the page; the whole sheet is in its CSV. */
    private static final String TURNOVER_PAGE = "50";

    private final PenaltyCalculationController penaltyCalculation;
    private final ReconciliationController reconciliation;
    private final TurnoverController turnover;

    public ReportsPageController(PenaltyCalculationController penaltyCalculation,
                                 ReconciliationController reconciliation, TurnoverController turnover) {
        this.penaltyCalculation = penaltyCalculation;
        this.reconciliation = reconciliation;
        this.turnover = turnover;
    }

    @GetMapping("/console/reports")
    String reports(@RequestParam(required = false) String accountId, @RequestParam(required = false) String asOf,
                   Model model) {
        model.addAttribute("accountId", accountId);
        model.addAttribute("asOf", asOf);
        if (accountId != null && !accountId.isBlank()) {
            FormErrors errors = FormErrors.attempt("penalty", () -> model.addAttribute("calculation",
                    penaltyCalculation.calculation(accountId.strip(), AccountFormsController.blank(asOf), "json", null)
                            .getBody()));
            model.addAttribute("errors", errors);
        }
        return "console/reports";
    }

    @GetMapping("/console/reports/penalty-calculation.csv")
    ResponseEntity<?> penaltyCsv(@RequestParam String accountId, @RequestParam(required = false) String asOf,
                                 @RequestParam(required = false) String dialect) {
        return penaltyCalculation.calculation(accountId, AccountFormsController.blank(asOf), "csv", dialect);
    }

    @GetMapping("/console/reports/penalty-calculation.html")
    ResponseEntity<?> penaltyPrintable(@RequestParam String accountId, @RequestParam(required = false) String asOf) {
        return penaltyCalculation.calculation(accountId, AccountFormsController.blank(asOf), "html", null);
    }

    @GetMapping("/console/reports/reconciliation")
    String reconciliation(@RequestParam(required = false) String accountId, @RequestParam(required = false) String from,
                          @RequestParam(required = false) String to, Model model) {
        model.addAttribute("recAccountId", accountId);
        model.addAttribute("recFrom", from);
        model.addAttribute("recTo", to);
        if (accountId != null || from != null || to != null) {
            FormErrors errors = FormErrors.attempt("reconciliation", () -> model.addAttribute("reconciliation",
                    reconciliation.reconciliation(AccountFormsController.blank(accountId),
                            AccountFormsController.blank(from), AccountFormsController.blank(to), "json", null)
                            .getBody()));
            model.addAttribute("errors", errors);
        }
        return "console/reports";
    }

    @GetMapping("/console/reports/reconciliation.csv")
    ResponseEntity<?> reconciliationCsv(@RequestParam String accountId, @RequestParam(required = false) String from,
                                        @RequestParam(required = false) String to,
                                        @RequestParam(required = false) String dialect) {
        return reconciliation.reconciliation(accountId, AccountFormsController.blank(from),
                AccountFormsController.blank(to), "csv", dialect);
    }

    @GetMapping("/console/reports/reconciliation.html")
    ResponseEntity<?> reconciliationPrintable(@RequestParam String accountId,
                                              @RequestParam(required = false) String from,
                                              @RequestParam(required = false) String to) {
        return reconciliation.reconciliation(accountId, AccountFormsController.blank(from),
                AccountFormsController.blank(to), "html", null);
    }

    @GetMapping("/console/reports/turnover")
    String turnover(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                    @RequestParam(required = false) String region, Model model) {
        model.addAttribute("toFrom", from);
        model.addAttribute("toTo", to);
        model.addAttribute("toRegion", region);
        if (from != null || to != null || region != null) {
            FormErrors errors = FormErrors.attempt("turnover", () -> model.addAttribute("turnover",
                    turnover.sheet(AccountFormsController.blank(from), AccountFormsController.blank(to), null,
                            AccountFormsController.blank(region), TURNOVER_PAGE, null, null, null).getBody()));
            model.addAttribute("errors", errors);
        }
        return "console/reports";
    }

    @GetMapping("/console/reports/turnover.csv")
    ResponseEntity<StreamingResponseBody> turnoverCsv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                  @RequestParam(required = false) String region,
                                  @RequestParam(required = false) String dialect) {
        return turnover.export(AccountFormsController.blank(from), AccountFormsController.blank(to), null,
                AccountFormsController.blank(region), null, null, dialect);
    }
}
