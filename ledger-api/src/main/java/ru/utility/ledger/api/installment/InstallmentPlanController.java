package ru.utility.ledger.api.installment;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import ru.utility.ledger.api.command.AccountRuns;
import ru.utility.ledger.api.command.LedgerCommands;
import ru.utility.ledger.api.history.AccountHistory;
import ru.utility.ledger.api.http.RequestFields;
import ru.utility.ledger.api.http.UnknownAccountException;
import ru.utility.ledger.api.installment.InstallmentPlanRequests.AgreePlanRequest;
import ru.utility.ledger.api.installment.InstallmentPlanRequests.ReviewRequest;
import ru.utility.ledger.api.installment.InstallmentPlanRequests.ReviewRunRequest;
import ru.utility.ledger.api.installment.InstallmentPlanResponses.PlanResponse;
import ru.utility.ledger.api.installment.InstallmentPlanResponses.ReviewResponse;
import ru.utility.ledger.api.installment.InstallmentPlanResponses.ReviewRunResponse;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.LedgerRuleViolation;
import ru.utility.ledger.core.api.LedgerTime;
import ru.utility.ledger.core.api.PlanId;
import ru.utility.ledger.core.api.ProgramId;
import ru.utility.ledger.core.api.RuleViolationCode;
import ru.utility.ledger.core.api.account.AgreeInstallmentPlan;
import ru.utility.ledger.core.api.account.InstallmentPlanReceipt;
import ru.utility.ledger.core.api.account.ReviewInstallmentPlans;
import ru.utility.ledger.core.api.account.ReviewReceipt;
import ru.utility.ledger.core.api.debt.AccountDebts;
import ru.utility.ledger.core.api.program.Programme;
import ru.utility.ledger.core.api.program.ReliefKind;
import ru.utility.ledger.core.api.program.ReliefParameters;

/**
 * Installment plans under INSTALLMENT programmes, and the review that records missed installments and
 * defaults. Like deferrals, the account must be enrolled in the programme first; the programme's range and
 * misses are copied into the command.
 */
@RestController
@Tag(name = "Relief programmes")
public class InstallmentPlanController {

    private final LedgerCommands commands;
    private final AccountHistory history;
    private final AccountRuns runs;
    private final Clock clock;

    public InstallmentPlanController(LedgerCommands commands, AccountHistory history, AccountRuns runs,
                                     Clock clock) {
        this.commands = commands;
        this.history = history;
        this.runs = runs;
        this.clock = clock;
    }

    @PostMapping("/api/v1/accounts/{accountId}/installment-plans")
    @Operation(operationId = "agreeInstallmentPlan",
            summary = "Agree an installment plan under an INSTALLMENT programme the account is enrolled in",
            description = "Restructures the unpaid principal of every charge into N monthly installments (the kopeck "
                    + "remainder on the last); accrued penalties are not restructured. 201; 200 on an identical repeat; "
                    + "409 IDEMPOTENCY_CONFLICT, PLAN_ACTIVE, ACCOUNT_CLOSED; 404 UNKNOWN_PROGRAM; 422 "
                    + "WRONG_PROGRAMME_KIND, NOT_ENROLLED, OUTSIDE_PROGRAMME_WINDOW, INSTALLMENTS_OUT_OF_RANGE, "
                    + "INVALID_FIRST_DUE_DATE, NOTHING_TO_RESTRUCTURE, DEBT_TOO_SMALL, DATE_IN_FUTURE.")
    @ApiResponse(responseCode = "201", description = "Recorded", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "200", description = "Nothing new recorded: an identical repeat",
            useReturnTypeSchema = true)
    public ResponseEntity<PlanResponse> agree(@PathVariable String accountId, @RequestBody AgreePlanRequest request) {
        RequestFields.body(request);
        RequestFields fields = new RequestFields();
        AccountId id = fields.required("accountId", accountId, AccountId::of);
        PlanId planId = fields.required("planId", request.planId(), PlanId::of);
        ProgramId programId = fields.required("programId", request.programId(), ProgramId::of);
        Long installments = fields.required("installments", request.installments(),
                raw -> RequestFields.longInRange(raw, 1, 600));
        LocalDate agreedOn = fields.optional("agreedOn", request.agreedOn(), RequestFields::date);
        LocalDate firstDueDate = fields.optional("firstDueDate", request.firstDueDate(), RequestFields::date);
        fields.check();
        Programme programme = history.program(programId).orElseThrow(() -> LedgerRuleViolation.of(
                RuleViolationCode.UNKNOWN_PROGRAM, "programId", "programme " + programId.value() + " is not known"));
        if (programme.launched().kind() != ReliefKind.INSTALLMENT) {
            throw LedgerRuleViolation.of(RuleViolationCode.WRONG_PROGRAMME_KIND, "programId", "programme "
                    + programId.value() + " is a " + programme.launched().kind() + " programme, not INSTALLMENT");
        }
        ReliefParameters p = programme.launched().parameters();
        InstallmentPlanReceipt receipt = commands.send(new AgreeInstallmentPlan(id, planId, programId,
                agreedOn == null ? today() : agreedOn, installments.intValue(), firstDueDate, p.minInstallments(),
                p.maxInstallments(), p.missesBeforeDefault()));
        PlanResponse body = plan(id, planId);
        return ResponseEntity.status(receipt.duplicate() ? HttpStatus.OK : HttpStatus.CREATED)
                .location(URI.create("/api/v1/accounts/" + id.value() + "/installment-plans/" + planId.value()))
                .body(body);
    }

    @GetMapping("/api/v1/accounts/{accountId}/installment-plans")
    @Operation(operationId = "listInstallmentPlans",
            summary = "The account's installment plans with their schedules, oldest first")
    public List<PlanResponse> list(@PathVariable String accountId) {
        RequestFields fields = new RequestFields();
        AccountId id = fields.required("accountId", accountId, AccountId::of);
        fields.check();
        AccountDebts debts = debts(id);
        LocalDate today = today();
        return debts.installments().plans().stream().map(p -> PlanResponse.of(id, p, debts, today)).toList();
    }

    @GetMapping("/api/v1/accounts/{accountId}/installment-plans/{planId}")
    @Operation(operationId = "getInstallmentPlan",
            summary = "One installment plan with its schedule: each installment's due date, amount, paid and status")
    public PlanResponse get(@PathVariable String accountId, @PathVariable String planId) {
        RequestFields fields = new RequestFields();
        AccountId id = fields.required("accountId", accountId, AccountId::of);
        PlanId plan = fields.required("planId", planId, PlanId::of);
        fields.check();
        return plan(id, plan);
    }

    @PostMapping("/api/v1/accounts/{accountId}/installment-reviews")
    @Operation(operationId = "reviewInstallments",
            summary = "Record one account's missed installments and defaults up to a date",
            description = "201 when something was recorded, 200 when nothing new was missed (a repeat records nothing).")
    @ApiResponse(responseCode = "201", description = "Recorded", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "200", description = "Nothing new recorded: nothing was due",
            useReturnTypeSchema = true)
    public ResponseEntity<ReviewResponse> review(@PathVariable String accountId,
                                                 @RequestBody(required = false) ReviewRequest request) {
        RequestFields fields = new RequestFields();
        AccountId id = fields.required("accountId", accountId, AccountId::of);
        LocalDate asOf = request == null ? null : fields.optional("asOf", request.asOf(), RequestFields::date);
        fields.check();
        ReviewReceipt receipt = commands.send(new ReviewInstallmentPlans(id, asOf == null ? today() : asOf));
        boolean recorded = !receipt.missed().isEmpty() || !receipt.defaulted().isEmpty();
        return ResponseEntity.status(recorded ? HttpStatus.CREATED : HttpStatus.OK).body(ReviewResponse.of(receipt));
    }

    @PostMapping("/api/v1/installment-reviews")
    @Operation(operationId = "runInstallmentReviews",
            summary = "Review every open account's installment plans up to a date",
            description = "Records missed installments and defaults, like a penalty run: running it again records "
                    + "nothing. Accounts the rules reject are listed, the rest are reviewed.")
    public ReviewRunResponse run(@RequestBody(required = false) ReviewRunRequest request) {
        RequestFields fields = new RequestFields();
        LocalDate asOf = request == null ? null : fields.optional("asOf", request.asOf(), RequestFields::date);
        fields.check();
        List<AccountId> only = request == null || request.accountIds() == null ? null
                : AccountRuns.accountIds(request.accountIds());
        LocalDate today = today();
        LocalDate effective = asOf == null ? today : asOf;
        if (effective.isAfter(today)) {
            throw LedgerRuleViolation.of(RuleViolationCode.DATE_IN_FUTURE, "asOf",
                    "asOf " + effective + " is after today (" + today + ")");
        }
        List<ReviewReceipt> receipts = new ArrayList<>();
        AccountRuns.Outcome outcome = runs.<ReviewReceipt>run(only, id -> new ReviewInstallmentPlans(id, effective),
                (id, receipt) -> receipts.add(receipt));
        return new ReviewRunResponse(effective, outcome.accounts(),
                receipts.stream().mapToInt(r -> r.missed().size()).sum(),
                receipts.stream().mapToInt(r -> r.defaulted().size()).sum(), outcome.refusals());
    }

    private PlanResponse plan(AccountId id, PlanId planId) {
        AccountDebts debts = debts(id);
        return debts.installments().plan(planId).map(p -> PlanResponse.of(id, p, debts, today()))
                .orElseThrow(() -> LedgerRuleViolation.of(RuleViolationCode.UNKNOWN_PLAN, "planId",
                        "installment plan " + planId + " is not agreed on account " + id));
    }

    private AccountDebts debts(AccountId id) {
        return history.debts(id).orElseThrow(() -> new UnknownAccountException(id));
    }

    private LocalDate today() {
        return LedgerTime.today(clock);
    }
}
