package ru.utility.ledger.api.penalty;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ru.utility.ledger.api.command.AccountRuns;
import ru.utility.ledger.api.command.LedgerCommands;
import ru.utility.ledger.api.history.AccountHistory;
import ru.utility.ledger.api.http.RequestFields;
import ru.utility.ledger.api.http.UnknownAccountException;
import ru.utility.ledger.api.penalty.PenaltyRequests.PenaltyAccrualRequest;
import ru.utility.ledger.api.penalty.PenaltyRequests.PenaltyRunRequest;
import ru.utility.ledger.api.penalty.PenaltyResponses.PenaltyAccrualResponse;
import ru.utility.ledger.api.penalty.PenaltyResponses.PenaltyResponse;
import ru.utility.ledger.api.penalty.PenaltyResponses.PenaltyRunResponse;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.LedgerRuleViolation;
import ru.utility.ledger.core.api.LedgerTime;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.RuleViolationCode;
import ru.utility.ledger.core.api.account.AccruePenalty;
import ru.utility.ledger.core.api.account.PenaltyReceipt;
import ru.utility.ledger.core.api.debt.AccountDebts;
import ru.utility.ledger.core.api.penalty.PenaltyRulesInForce;
import ru.utility.ledger.core.api.penalty.PenaltyStatement;

/** Late-payment penalties: the explanation of what an account owes on a date, accruals and runs. */
@RestController
@Tag(name = "Debt")
public class PenaltyController {

    private final AccountHistory history;
    private final PenaltyRulesInForce calculator;
    private final LedgerCommands commands;
    private final AccountRuns runs;
    private final Clock clock;

    public PenaltyController(AccountHistory history, PenaltyRulesInForce calculator, LedgerCommands commands,
                             AccountRuns runs, Clock clock) {
        this.history = history;
        this.calculator = calculator;
        this.commands = commands;
        this.runs = runs;
        this.clock = clock;
    }

    @GetMapping("/api/v1/accounts/{accountId}/penalty")
    @Operation(operationId = "getPenalty", summary = "The penalty owed on a date, explained per charge, part and band",
            description = "asOf defaults to today and may not be in the future. 'unposted' is what a penalty run "
                    + "for asOf would post now.")
    public PenaltyResponse penalty(@PathVariable String accountId,
                                   @RequestParam(name = "asOf", required = false) String asOf) {
        RequestFields fields = new RequestFields();
        AccountId id = fields.required("accountId", accountId, AccountId::of);
        LocalDate day = fields.optional("asOf", asOf, RequestFields::date);
        fields.check();
        LocalDate effective = notInFuture(day);
        AccountDebts debts = debts(id);
        PenaltyStatement statement;
        try {
            statement = calculator.statement(debts, effective);
        } catch (IllegalArgumentException e) {
            throw LedgerRuleViolation.of(RuleViolationCode.NO_PENALTY_RULE, "asOf", e.getMessage());
        }
        return PenaltyResponse.of(id, statement, debts);
    }

    @PostMapping("/api/v1/accounts/{accountId}/penalty-accruals")
    @Operation(operationId = "accruePenalty", summary = "Accrue one account's penalties to a date",
            description = "Posts the difference between the penalty owed on asOf and what is accrued: 201 when "
                    + "something was posted, 200 when nothing was owed beyond what is accrued.")
    @ApiResponse(responseCode = "201", description = "Recorded", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "200", description = "Nothing new recorded: nothing was due",
            useReturnTypeSchema = true)
    public ResponseEntity<PenaltyAccrualResponse> accrue(@PathVariable String accountId,
                                                         @RequestBody(required = false) PenaltyAccrualRequest request) {
        RequestFields fields = new RequestFields();
        AccountId id = fields.required("accountId", accountId, AccountId::of);
        LocalDate asOf = request == null ? null : fields.optional("asOf", request.asOf(), RequestFields::date);
        fields.check();
        PenaltyReceipt receipt = commands.send(new AccruePenalty(id, asOf == null ? today() : asOf));
        return ResponseEntity.status(receipt.posted().isZero() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(PenaltyAccrualResponse.of(receipt));
    }

    @PostMapping("/api/v1/penalty-runs")
    @Operation(operationId = "runPenalties", summary = "Accrue every open account's penalties to a date",
            description = "Each account gets the difference between what it owes on asOf and what is accrued; "
                    + "running it again posts nothing. Accounts the rules reject are listed, the rest are accrued.")
    public PenaltyRunResponse run(@RequestBody(required = false) PenaltyRunRequest request) {
        RequestFields fields = new RequestFields();
        LocalDate asOf = request == null ? null : fields.optional("asOf", request.asOf(), RequestFields::date);
        fields.check();
        List<AccountId> only = request == null || request.accountIds() == null ? null
                : AccountRuns.accountIds(request.accountIds());
        LocalDate effective = notInFuture(asOf);
        List<PenaltyReceipt> receipts = new ArrayList<>();
        AccountRuns.Outcome outcome = runs.<PenaltyReceipt>run(only, id -> new AccruePenalty(id, effective),
                (id, receipt) -> receipts.add(receipt));
        List<Money> posted = receipts.stream().map(PenaltyReceipt::posted).filter(m -> !m.isZero()).toList();
        return new PenaltyRunResponse(effective, outcome.accounts(), posted.size(),
                posted.stream().reduce(Money.ZERO, Money::plus), outcome.refusals());
    }

    private AccountDebts debts(AccountId id) {
        return history.debts(id).orElseThrow(() -> new UnknownAccountException(id));
    }

    private LocalDate notInFuture(LocalDate day) {
        LocalDate today = today();
        if (day == null) {
            return today;
        }
        if (day.isAfter(today)) {
            throw LedgerRuleViolation.of(RuleViolationCode.DATE_IN_FUTURE, "asOf",
                    "asOf " + day + " is after today (" + today + ")");
        }
        return day;
    }

    private LocalDate today() {
        return LedgerTime.today(clock);
    }
}
