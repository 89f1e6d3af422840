package ru.utility.ledger.api.program;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import ru.utility.ledger.api.command.AccountRuns;
import ru.utility.ledger.api.history.AccountHistory;
import ru.utility.ledger.api.http.RequestFields;
import ru.utility.ledger.api.program.AmnestyRequests.AmnestyReviewRequest;
import ru.utility.ledger.api.program.AmnestyResponses.AmnestyRunResponse;
import ru.utility.ledger.core.api.LedgerRuleViolation;
import ru.utility.ledger.core.api.LedgerTime;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.ProgramId;
import ru.utility.ledger.core.api.RuleViolationCode;
import ru.utility.ledger.core.api.account.AmnestyReceipt;
import ru.utility.ledger.core.api.account.ReviewAmnesty;
import ru.utility.ledger.core.api.program.Programme;
import ru.utility.ledger.core.api.program.ReliefKind;

/**
 * Amnesty review runs: like a penalty run, one command per account (ReviewAmnesty), here for every account
 * enrolled in a PENALTY_AMNESTY programme. The account decides; the run lists what it wrote off and why the
 * others were skipped. Running it again writes nothing off twice (once per enrolment).
 */
@RestController
@Tag(name = "Relief programmes")
public class AmnestyController {

    private final AccountRuns runs;
    private final AccountHistory history;
    private final Clock clock;

    public AmnestyController(AccountRuns runs, AccountHistory history, Clock clock) {
        this.runs = runs;
        this.history = history;
        this.clock = clock;
    }

    @PostMapping("/api/v1/programmes/{programId}/amnesty-reviews")
    @Operation(operationId = "reviewAmnesty",
            summary = "Write off the penalties of every account enrolled in an amnesty programme that met "
                    + "its condition",
            description = "200 with the accounts written off and those skipped (AMNESTY_CONDITION_NOT_MET, "
                    + "AMNESTY_ALREADY_GRANTED, NO_PENALTIES_OUTSTANDING, ...); 404 UNKNOWN_PROGRAM; "
                    + "422 NOT_AN_AMNESTY for another kind of programme; 422 DATE_IN_FUTURE.")
    public AmnestyRunResponse review(@PathVariable String programId,
                                     @RequestBody(required = false) AmnestyReviewRequest request) {
        RequestFields fields = new RequestFields();
        ProgramId id = fields.required("programId", programId, ProgramId::of);
        LocalDate asOf = request == null ? null : fields.optional("asOf", request.asOf(), RequestFields::date);
        fields.check();
        LocalDate today = LedgerTime.today(clock);
        if (asOf != null && asOf.isAfter(today)) {
            throw LedgerRuleViolation.of(RuleViolationCode.DATE_IN_FUTURE, "asOf",
                    "asOf " + asOf + " is after today (" + today + ")");
        }
        LocalDate day = asOf == null ? today : asOf;
        Programme programme = history.program(id).orElseThrow(() -> LedgerRuleViolation.of(
                RuleViolationCode.UNKNOWN_PROGRAM, "programId", "programme " + id.value() + " is not known"));
        if (programme.launched().kind() != ReliefKind.PENALTY_AMNESTY) {
            throw LedgerRuleViolation.of(RuleViolationCode.NOT_AN_AMNESTY,
                    "programId", "programme " + id.value() + " is a "
                    + programme.launched().kind() + " programme, not a PENALTY_AMNESTY");
        }
        int months = programme.launched().parameters().amnestyMonthsPaidInFull();
        List<AmnestyRunResponse.WrittenOff> writtenOff = new ArrayList<>();
        AccountRuns.Outcome outcome = runs.<AmnestyReceipt>over(programme.enrolments().keySet(),
                account -> new ReviewAmnesty(account, id, months, day),
                (account, receipt) -> writtenOff.add(new AmnestyRunResponse.WrittenOff(account, receipt.writtenOff(),
                        receipt.penaltyPosted(), receipt.earnedBy())));
        Money total = writtenOff.stream().map(AmnestyRunResponse.WrittenOff::amount).reduce(Money.ZERO, Money::plus);
        return new AmnestyRunResponse(id, day, programme.enrolments().size(), writtenOff.size(), total,
                List.copyOf(writtenOff), outcome.refusals());
    }
}
