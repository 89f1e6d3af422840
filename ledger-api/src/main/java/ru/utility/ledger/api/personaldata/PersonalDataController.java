package ru.utility.ledger.api.personaldata;

import java.time.Clock;
import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import ru.utility.ledger.api.http.RequestFields;
import ru.utility.ledger.api.personaldata.PersonalDataRequests.ErasureRequest;
import ru.utility.ledger.api.personaldata.PersonalDataResponses.ErasureResponse;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.LedgerTime;
import ru.utility.ledger.core.api.account.ErasePersonalData;

/** The right to erasure: the holder's personal data made unreadable everywhere (docs/operating/data-protection.md). */
@RestController
@Tag(name = "Personal data", description = "Erasure of the holder's personal data (152-FZ; GDPR art. 17)")
public class PersonalDataController {

    private final PersonalDataErasure erasure;
    private final Clock clock;

    public PersonalDataController(PersonalDataErasure erasure, Clock clock) {
        this.erasure = erasure;
        this.clock = clock;
    }

    @PostMapping("/api/v1/accounts/{accountId}/personal-data/erasure")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "erasePersonalData", summary = "Erase the holder's personal data (ADMIN)", description = "201: the account's data key "
            + "is deleted, so its name and document references read as \"[erased]\" in every view, export and "
            + "projection, and its finished bulk-job lines lose their raw text; money and the hash chains are "
            + "untouched. 404 for an unknown account; 409 PERSONAL_DATA_ERASED when already erased.")
    public ErasureResponse erase(@PathVariable String accountId, @RequestBody ErasureRequest request) {
        RequestFields.body(request);
        RequestFields fields = new RequestFields();
        AccountId id = fields.required("accountId", accountId, AccountId::of);
        String reason = fields.text("reason", request.reason(), ErasePersonalData.REASON_MAX, true);
        LocalDate erasedOn = fields.optional("erasedOn", request.erasedOn(), RequestFields::date);
        fields.check();
        return ErasureResponse.of(erasure.erase(new ErasePersonalData(id,
                erasedOn == null ? LedgerTime.today(clock) : erasedOn, reason)));
    }
}
