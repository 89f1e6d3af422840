package ru.utility.ledger.api.console;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import ru.utility.ledger.api.web.PenaltyCalculationController;

/**
 * Finance reports. Each report is its own section of the page (a fragment of reports.html) with its own form
 * and handler here, so another report is one more handler and one more fragment. Today: the court-format
 * penalty calculation; the turnover balance sheet and the reconciliation statement join it once the API
 * publishes them.
 */
@Controller
public class ReportsPageController {

    private final PenaltyCalculationController penaltyCalculation;

    public ReportsPageController(PenaltyCalculationController penaltyCalculation) {
        this.penaltyCalculation = penaltyCalculation;
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
}
