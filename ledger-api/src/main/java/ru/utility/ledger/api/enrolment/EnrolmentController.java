package ru.utility.ledger.api.enrolment;

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

import ru.utility.ledger.api.enrolment.EnrolmentRequests.EnrolRequest;
import ru.utility.ledger.api.enrolment.EnrolmentResponses.EnrolmentResponse;
import ru.utility.ledger.api.history.AccountHistory;
import ru.utility.ledger.api.http.RequestFields;
import ru.utility.ledger.api.http.UnknownAccountException;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.LedgerRuleViolation;
import ru.utility.ledger.core.api.LedgerTime;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.ProgramId;
import ru.utility.ledger.core.api.RuleViolationCode;
import ru.utility.ledger.core.api.account.EnrolmentReceipt;

/** Enrolment of accounts in relief programmes. */
@RestController
@Tag(name = "Relief programmes")
public class EnrolmentController {

    private final EnrolmentProcess process;
    private final AccountHistory history;
    private final Clock clock;

    public EnrolmentController(EnrolmentProcess process, AccountHistory history, Clock clock) {
        this.process = process;
        this.history = history;
        this.clock = clock;
    }

    @PostMapping("/api/v1/programmes/{programId}/enrolments")
    @Operation(operationId = "enrolAccount",
            summary = "Enrol an account in a programme", description = "201; 200 on an identical repeat. "
            + "Rejections name their reason: 404 UNKNOWN_PROGRAM / UNKNOWN_ACCOUNT; 422 OUTSIDE_PROGRAMME_WINDOW, "
            + "NOT_ELIGIBLE_CATEGORY, NOT_ELIGIBLE_REGION, NO_ENROLMENT_NEEDED (a PENALTY_MORATORIUM covers every "
            + "account), DATE_IN_FUTURE; 409 BUDGET_EXHAUSTED, ALREADY_ENROLLED, ACCOUNT_CLOSED.")
    @ApiResponse(responseCode = "201", description = "Recorded", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "200", description = "Nothing new recorded: an identical repeat",
            useReturnTypeSchema = true)
    public ResponseEntity<EnrolmentResponse> enrol(@PathVariable String programId, @RequestBody EnrolRequest request) {
        RequestFields.body(request);
        RequestFields fields = new RequestFields();
        ProgramId program = fields.required("programId", programId, ProgramId::of);
        AccountId account = fields.required("accountId", request.accountId(), AccountId::of);
        LocalDate enrolledOn = fields.optional("enrolledOn", request.enrolledOn(), RequestFields::date);
        fields.check();
        LocalDate today = LedgerTime.today(clock);
        LocalDate on = enrolledOn == null ? today : enrolledOn;
        if (on.isAfter(today)) {
            throw LedgerRuleViolation.of(RuleViolationCode.DATE_IN_FUTURE, "enrolledOn",
                    "enrolledOn " + on + " is after today (" + today + ")");
        }
        EnrolmentReceipt receipt = process.enrol(program, account, on);
        return ResponseEntity.status(receipt.duplicate() ? HttpStatus.OK : HttpStatus.CREATED)
                .location(URI.create("/api/v1/accounts/" + account.value() + "/enrolments"))
                .body(EnrolmentResponse.of(receipt));
    }

    @GetMapping("/api/v1/accounts/{accountId}/enrolments")
    @Operation(operationId = "listEnrolments", summary = "The relief programmes the account is enrolled in")
    public List<EnrolmentResponse> list(@PathVariable String accountId) {
        RequestFields fields = new RequestFields();
        AccountId id = fields.required("accountId", accountId, AccountId::of);
        fields.check();
        var book = history.enrolments(id).orElseThrow(() -> new UnknownAccountException(id));
        var debts = history.debts(id).orElseThrow(() -> new UnknownAccountException(id));
        return book.enrolments().stream().map(e -> new EnrolmentResponse(id, e.programId(), e.kind(), e.enrolledOn(),
                e.activeTo(), e.percent(), debts.payment(ru.utility.ledger.core.api.account.CompensationCredited
                        .creditIdFor(e.programId())).map(p -> p.amount()).orElse(Money.ZERO),
                book.ended(e.programId()).map(end -> end.endedOn()).orElse(null),
                book.ended(e.programId()).map(end -> end.reason()).orElse(null))).toList();
    }
}
