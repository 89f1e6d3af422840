package ru.utility.ledger.api.deferral;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
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

import ru.utility.ledger.api.command.LedgerCommands;
import ru.utility.ledger.api.deferral.DeferralRequests.EndDeferralRequest;
import ru.utility.ledger.api.deferral.DeferralRequests.GrantDeferralRequest;
import ru.utility.ledger.api.deferral.DeferralResponses.DeferralResponse;
import ru.utility.ledger.api.history.AccountHistory;
import ru.utility.ledger.api.http.RequestFields;
import ru.utility.ledger.api.http.UnknownAccountException;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.DeferralId;
import ru.utility.ledger.core.api.LedgerRuleViolation;
import ru.utility.ledger.core.api.LedgerTime;
import ru.utility.ledger.core.api.ProgramId;
import ru.utility.ledger.core.api.RuleViolationCode;
import ru.utility.ledger.core.api.account.DeferralReceipt;
import ru.utility.ledger.core.api.account.EndDeferralEarly;
import ru.utility.ledger.core.api.account.GrantDeferral;
import ru.utility.ledger.core.api.program.Programme;
import ru.utility.ledger.core.api.program.ReliefKind;

/**
 * Deferrals under DEFERRAL programmes. The account must be enrolled in the programme first (POST
 * /programmes/{id}/enrolments: window, eligibility and budget are checked there); the grant copies the
 * programme's maximum length into the command, as enrolment copies its terms.
 */
@RestController
@Tag(name = "Relief programmes")
public class DeferralController {

    private final LedgerCommands commands;
    private final AccountHistory history;
    private final Clock clock;

    public DeferralController(LedgerCommands commands, AccountHistory history, Clock clock) {
        this.commands = commands;
        this.history = history;
        this.clock = clock;
    }

    @PostMapping("/api/v1/accounts/{accountId}/deferrals")
    @Operation(operationId = "grantDeferral",
            summary = "Grant a deferral under a DEFERRAL programme the account is enrolled in",
            description = "Covers every charge unpaid on grantedOn whose due date falls before the end: they fall due "
                    + "on the end, accrue no penalty and are not overdue until then. 201; 200 on an identical repeat; "
                    + "409 IDEMPOTENCY_CONFLICT for the id with other content, DEFERRAL_ACTIVE while another runs, "
                    + "ACCOUNT_CLOSED; 404 UNKNOWN_PROGRAM; 422 WRONG_PROGRAMME_KIND, NOT_ENROLLED, "
                    + "OUTSIDE_PROGRAMME_WINDOW, DEFERRAL_TOO_LONG (names the programme's limit), "
                    + "INVALID_DEFERRAL_END, NOTHING_TO_DEFER, DATE_IN_FUTURE.")
    @ApiResponse(responseCode = "201", description = "Recorded", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "200", description = "Nothing new recorded: an identical repeat",
            useReturnTypeSchema = true)
    public ResponseEntity<DeferralResponse> grant(@PathVariable String accountId,
                                                  @RequestBody GrantDeferralRequest request) {
        RequestFields.body(request);
        RequestFields fields = new RequestFields();
        AccountId id = fields.required("accountId", accountId, AccountId::of);
        DeferralId deferralId = fields.required("deferralId", request.deferralId(), DeferralId::of);
        ProgramId programId = fields.required("programId", request.programId(), ProgramId::of);
        LocalDate grantedOn = fields.optional("grantedOn", request.grantedOn(), RequestFields::date);
        LocalDate endsOn = fields.optional("endsOn", request.endsOn(), RequestFields::date);
        Long months = fields.optional("months", request.months(), raw -> RequestFields.longInRange(raw, 1, 24));
        boolean hasEnd = request.endsOn() != null && !request.endsOn().isBlank();
        boolean hasMonths = request.months() != null && !request.months().isBlank();
        if (hasEnd == hasMonths) {
            fields.reject(hasEnd ? "months" : "endsOn", hasEnd ? "must not be given with endsOn"
                    : "is required (or months)");
        }
        fields.check();
        LocalDate on = grantedOn == null ? today() : grantedOn;
        LocalDate end = endsOn != null ? endsOn : on.plusMonths(months);
        Programme programme = history.program(programId).orElseThrow(() -> LedgerRuleViolation.of(
                RuleViolationCode.UNKNOWN_PROGRAM, "programId", "programme " + programId.value() + " is not known"));
        if (programme.launched().kind() != ReliefKind.DEFERRAL) {
            throw LedgerRuleViolation.of(RuleViolationCode.WRONG_PROGRAMME_KIND, "programId", "programme "
                    + programId.value() + " is a " + programme.launched().kind() + " programme, not DEFERRAL");
        }
        DeferralReceipt receipt = commands.send(new GrantDeferral(id, deferralId, programId, on, end,
                programme.launched().parameters().maxDeferralMonths()));
        return ResponseEntity.status(receipt.duplicate() ? HttpStatus.OK : HttpStatus.CREATED)
                .location(URI.create("/api/v1/accounts/" + id.value() + "/deferrals/" + deferralId.value()))
                .body(DeferralResponse.of(receipt, today()));
    }

    @PostMapping("/api/v1/accounts/{accountId}/deferrals/{deferralId}/end")
    @Operation(operationId = "endDeferral", summary = "End a running deferral early",
            description = "Its charges fall due on endedOn (or their due date before the deferral, when later). "
                    + "201; 200 on a repeat with the same reason; 404 UNKNOWN_DEFERRAL; 409 DEFERRAL_ALREADY_ENDED "
                    + "(another reason), ACCOUNT_CLOSED; 422 DEFERRAL_NOT_RUNNING (endedOn not before its end), "
                    + "INVALID_DEFERRAL_END (before the grant), DATE_IN_FUTURE.")
    @ApiResponse(responseCode = "201", description = "Recorded", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "200", description = "Nothing new recorded: an identical repeat",
            useReturnTypeSchema = true)
    public ResponseEntity<DeferralResponse> end(@PathVariable String accountId, @PathVariable String deferralId,
                                                @RequestBody EndDeferralRequest request) {
        RequestFields.body(request);
        RequestFields fields = new RequestFields();
        AccountId id = fields.required("accountId", accountId, AccountId::of);
        DeferralId deferral = fields.required("deferralId", deferralId, DeferralId::of);
        LocalDate endedOn = fields.optional("endedOn", request.endedOn(), RequestFields::date);
        String reason = fields.text("reason", request.reason(), 500, true);
        fields.check();
        DeferralReceipt receipt = commands.send(new EndDeferralEarly(id, deferral,
                endedOn == null ? today() : endedOn, reason));
        return ResponseEntity.status(receipt.duplicate() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(DeferralResponse.of(receipt, today()));
    }

    @GetMapping("/api/v1/accounts/{accountId}/deferrals")
    @Operation(operationId = "listDeferrals", summary = "The account's deferrals, oldest first")
    public List<DeferralResponse> list(@PathVariable String accountId) {
        RequestFields fields = new RequestFields();
        AccountId id = fields.required("accountId", accountId, AccountId::of);
        fields.check();
        var debts = history.debts(id).orElseThrow(() -> new UnknownAccountException(id));
        LocalDate today = today();
        return debts.deferrals().deferrals().stream().map(d -> DeferralResponse.of(d.receipt(id, false), today)).toList();
    }

    @GetMapping("/api/v1/accounts/{accountId}/deferrals/{deferralId}")
    @Operation(operationId = "getDeferral", summary = "One deferral with its charges and their due dates")
    public DeferralResponse get(@PathVariable String accountId, @PathVariable String deferralId) {
        RequestFields fields = new RequestFields();
        AccountId id = fields.required("accountId", accountId, AccountId::of);
        DeferralId deferral = fields.required("deferralId", deferralId, DeferralId::of);
        fields.check();
        var debts = history.debts(id).orElseThrow(() -> new UnknownAccountException(id));
        return debts.deferrals().deferral(deferral).map(d -> DeferralResponse.of(d.receipt(id, false), today()))
                .orElseThrow(() -> LedgerRuleViolation.of(
                        RuleViolationCode.UNKNOWN_DEFERRAL, "deferralId",
                        "deferral " + deferral + " is not granted on account " + id));
    }

    private LocalDate today() {
        return LedgerTime.today(clock);
    }
}
