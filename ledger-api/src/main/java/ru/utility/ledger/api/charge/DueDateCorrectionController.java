package ru.utility.ledger.api.charge;

import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import ru.utility.ledger.api.charge.DueDateCorrectionRequests.CorrectionRunRequest;
import ru.utility.ledger.api.charge.DueDateCorrectionResponses.Correction;
import ru.utility.ledger.api.charge.DueDateCorrectionResponses.CorrectionRunResponse;
import ru.utility.ledger.api.command.AccountRuns;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.account.CorrectDueDates;
import ru.utility.ledger.core.api.account.DueDateCorrected;
import ru.utility.ledger.core.api.account.DueDateCorrectionReceipt;

/**
 * The admin run that re-derives the due dates of charges already posted under the due-date rules in force
 * (after the production calendar was corrected). Each account records a DueDateCorrected per changed charge;
 * penalties and the overdue list follow the corrected dates. Running it again records nothing.
 */
@RestController
@Tag(name = "Operations")
public class DueDateCorrectionController {

    private final AccountRuns runs;

    public DueDateCorrectionController(AccountRuns runs) {
        this.runs = runs;
    }

    @PostMapping("/api/v1/admin/due-date-corrections")
    @Operation(operationId = "runDueDateCorrections",
            summary = "Re-derive the due dates of posted charges under the rules in force",
            description = "Records DueDateCorrected where a charge's due date changes (e.g. a transferred day off "
                    + "the calendar lacked); a penalty run afterwards posts the resulting penalty difference. "
                    + "Running it again records nothing. Accounts the rules reject are listed, the rest are corrected.")
    public CorrectionRunResponse run(@RequestBody(required = false) CorrectionRunRequest request) {
        List<AccountId> only = request == null || request.accountIds() == null ? null
                : AccountRuns.accountIds(request.accountIds());
        List<DueDateCorrected> corrected = new ArrayList<>();
        AccountRuns.Outcome outcome = runs.<DueDateCorrectionReceipt>run(only, CorrectDueDates::new,
                (id, receipt) -> corrected.addAll(receipt.corrected()));
        return new CorrectionRunResponse(outcome.accounts(), corrected.size(),
                corrected.stream().map(Correction::of).toList(), outcome.refusals());
    }
}
