package ru.utility.ledger.api.charge;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import ru.utility.ledger.api.charge.ChargeCorrectionRequests.CorrectionRequest;
import ru.utility.ledger.api.charge.ChargeCorrectionResponses.CorrectionResponse;
import ru.utility.ledger.api.command.LedgerCommands;
import ru.utility.ledger.api.http.RequestFields;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.ChargeId;
import ru.utility.ledger.core.api.CorrectionId;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.account.ChargeCorrectionReceipt;
import ru.utility.ledger.core.api.account.CorrectCharge;

/** Recalculations (перерасчёт): a posted charge corrected up or down, with a reason. */
@RestController
@Tag(name = "Accounts")
public class ChargeCorrectionController {

    private final LedgerCommands commands;

    public ChargeCorrectionController(LedgerCommands commands) {
        this.commands = commands;
    }

    @PostMapping("/api/v1/accounts/{accountId}/charges/{chargeId}/corrections")
    @Operation(operationId = "correctCharge", summary = "Correct a posted charge (recalculation)", description = """
            A decrease lowers the charge as if billed so: its penalty base is lower from its due date on (the next \
            penalty run posts the difference) and what was paid beyond it becomes credit. An increase is owed as a \
            debt of its own under correctionId, due like a charge of the month of the correction. 201; 200 with \
            duplicate=true for the same correction again; 409 when the correctionId was used otherwise; 404 \
            UNKNOWN_CHARGE; 422 CORRECTION_BELOW_ZERO, CORRECTION_BELOW_RESTRUCTURED, CORRECTION_BEFORE_CHARGE, \
            DATE_IN_FUTURE.""")
    @ApiResponse(responseCode = "201", description = "Recorded", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "200", description = "Nothing new recorded: an identical repeat",
            useReturnTypeSchema = true)
    public ResponseEntity<CorrectionResponse> correct(@PathVariable String accountId, @PathVariable String chargeId,
                                                      @RequestBody CorrectionRequest request) {
        RequestFields.body(request);
        RequestFields fields = new RequestFields();
        AccountId id = fields.required("accountId", accountId, AccountId::of);
        ChargeId charge = fields.required("chargeId", chargeId, ChargeId::of);
        CorrectionId correction = fields.required("correctionId", request.correctionId(), CorrectionId::of);
        Money difference = fields.required("difference", request.difference(), ChargeCorrectionController::difference);
        String reason = fields.text("reason", request.reason(), CorrectCharge.REASON_MAX, true);
        LocalDate correctedOn = fields.optional("correctedOn", request.correctedOn(), RequestFields::date);
        fields.check();
        ChargeCorrectionReceipt receipt = commands.send(new CorrectCharge(id, correction, charge, difference, reason,
                correctedOn));
        return ResponseEntity.status(receipt.duplicate() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(CorrectionResponse.of(receipt));
    }

    /** Signed, so the input limit is checked on its size. */
    private static Money difference(String raw) {
        Money difference = Money.parse(raw);
        if (difference.isZero()) {
            throw new IllegalArgumentException("must not be 0.00");
        }
        (difference.isNegative() ? difference.negate() : difference).requirePositiveInput();
        return difference;
    }
}
