package ru.utility.ledger.api.program;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import ru.utility.ledger.api.history.AccountHistory;
import ru.utility.ledger.api.http.RequestFields;
import ru.utility.ledger.api.http.UnknownAccountException;
import ru.utility.ledger.api.program.ReliefBudgetResponses.BudgetResponse;
import ru.utility.ledger.api.program.ReliefBudgetResponses.ClaimStatus;
import ru.utility.ledger.api.program.ReliefBudgetResponses.ClaimResponse;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.LedgerRuleViolation;
import ru.utility.ledger.core.api.ProgramId;
import ru.utility.ledger.core.api.RuleViolationCode;

/**
 * Where a budgeted DISCOUNT programme's money went, and what became of each discount an account claimed.
 * Both read the aggregates' own streams (strongly consistent), like the enrolment list.
 */
@RestController
@Tag(name = "Relief programmes")
public class ReliefBudgetController {

    private final AccountHistory history;

    public ReliefBudgetController(AccountHistory history) {
        this.history = history;
    }

    @GetMapping("/api/v1/programmes/{programId}/budget")
    @Operation(operationId = "getProgrammeBudget", summary = "A programme's budget: reserved, drawn by discounts, left",
            description = "404 UNKNOWN_PROGRAM.")
    public BudgetResponse budget(@PathVariable String programId) {
        RequestFields fields = new RequestFields();
        ProgramId id = fields.required("programId", programId, ProgramId::of);
        fields.check();
        var state = history.program(id).orElseThrow(() -> LedgerRuleViolation.of(RuleViolationCode.UNKNOWN_PROGRAM,
                "programId",
                "programme " + id.value() + " is not known"));
        return new BudgetResponse(id, state.launched().budget(), state.reserved(), state.drawn(),
                state.budgetLeft(), state.drawsGranted(), state.drawsRefused());
    }

    @GetMapping("/api/v1/accounts/{accountId}/discount-claims")
    @Operation(operationId = "listDiscountClaims",
            summary = "Discounts the account claimed from budgeted programmes, and their outcome",
            description = "PENDING until the programme has answered (the relief saga, usually milliseconds); "
                    + "REFUSED names the programme's code and reason, e.g. BUDGET_EXHAUSTED. 404 UNKNOWN_ACCOUNT.")
    public List<ClaimResponse> claims(@PathVariable String accountId) {
        RequestFields fields = new RequestFields();
        AccountId id = fields.required("accountId", accountId, AccountId::of);
        fields.check();
        var book = history.enrolments(id).orElseThrow(() -> new UnknownAccountException(id));
        var debts = history.debts(id).orElseThrow(() -> new UnknownAccountException(id));
        return book.claims().stream().map(claim -> {
            var refusal = book.refusal(claim.creditId());
            ClaimStatus status = refusal.isPresent() ? ClaimStatus.REFUSED
                    : debts.payment(claim.creditId()).isPresent() ? ClaimStatus.CREDITED : ClaimStatus.PENDING;
            return new ClaimResponse(claim.programId(), claim.chargeId().value(), claim.creditId().value(),
                    claim.amount(), claim.claimedOn(), status, refusal.map(r -> r.code()).orElse(null),
                    refusal.map(r -> r.reason()).orElse(null));
        }).toList();
    }
}
