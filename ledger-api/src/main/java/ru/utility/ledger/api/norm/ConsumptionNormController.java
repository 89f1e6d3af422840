package ru.utility.ledger.api.norm;

import java.time.Clock;
import java.time.LocalDate;

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

import ru.utility.ledger.api.command.LedgerCommands;
import ru.utility.ledger.api.http.RequestFields;
import ru.utility.ledger.api.norm.ConsumptionNormRequests.HouseholdTypeRequest;
import ru.utility.ledger.api.norm.ConsumptionNormRequests.NormRequest;
import ru.utility.ledger.api.norm.ConsumptionNormResponses.NormResponse;
import ru.utility.ledger.api.norm.ConsumptionNormResponses.NormsResponse;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.EnergyKwh;
import ru.utility.ledger.core.api.HouseholdType;
import ru.utility.ledger.core.api.LedgerRuleViolation;
import ru.utility.ledger.core.api.LedgerTime;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.RegionCode;
import ru.utility.ledger.core.api.RuleViolationCode;
import ru.utility.ledger.core.api.account.HouseholdTypeReceipt;
import ru.utility.ledger.core.api.account.SetHouseholdType;
import ru.utility.ledger.projections.overdue.ConsumptionNorm;
import ru.utility.ledger.projections.overdue.ConsumptionNorms;

/**
 * The inputs of the restriction threshold (Decree 354 p.118): the consumption norms and tariffs per region and
 * household type, effective-dated, and each account's household type.
 */
@RestController
@Tag(name = "Restriction")
public class ConsumptionNormController {

    static final int SOURCE_MAX = 500;

    private final ConsumptionNorms norms;
    private final LedgerCommands commands;
    private final Clock clock;

    public ConsumptionNormController(ConsumptionNorms norms, LedgerCommands commands, Clock clock) {
        this.norms = norms;
        this.commands = commands;
        this.clock = clock;
    }

    @PostMapping("/api/v1/consumption-norms")
    @Operation(operationId = "recordConsumptionNorm",
            summary = "Record a region's consumption norm and tariff for a household type from a day on",
            description = "201; 200 with duplicate=true for the same row again; 409 NORM_CONFLICT for other values on "
                    + "the same region, type and day (a change takes effect from its own day). Rows are never changed.")
    @ApiResponse(responseCode = "201", description = "Recorded", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "200", description = "Nothing new recorded: an identical repeat",
            useReturnTypeSchema = true)
    public ResponseEntity<NormResponse> record(@RequestBody NormRequest request) {
        RequestFields.body(request);
        RequestFields fields = new RequestFields();
        RegionCode region = fields.required("regionCode", request.regionCode(), RegionCode::of);
        HouseholdType type = fields.required("householdType", request.householdType(),
                RequestFields.enumOf(HouseholdType.class));
        LocalDate from = fields.required("effectiveFrom", request.effectiveFrom(), RequestFields::date);
        EnergyKwh kwh = fields.required("monthlyKwh", request.monthlyKwh(), ConsumptionNormController::positiveKwh);
        Money tariff = fields.required("tariff", request.tariff(), raw -> Money.parse(raw).requirePositiveInput());
        String source = fields.text("source", request.source(), SOURCE_MAX, true);
        fields.check();
        ConsumptionNorm norm = new ConsumptionNorm(region, type, from, kwh, tariff, source);
        return switch (norms.record(norm, clock.instant())) {
            case RECORDED -> ResponseEntity.status(HttpStatus.CREATED).body(NormResponse.of(norm, false));
            case REPEATED -> ResponseEntity.ok(NormResponse.of(norm, true));
            case CONFLICT -> throw LedgerRuleViolation.of(RuleViolationCode.NORM_CONFLICT,
                    "effectiveFrom", "a norm for region "
                    + region.value() + ", " + type + " from " + from + " was already recorded with other values");
        };
    }

    @GetMapping("/api/v1/consumption-norms")
    @Operation(operationId = "listConsumptionNorms",
            summary = "The consumption norms and tariffs, of one region or all")
    public NormsResponse list(@RequestParam(required = false) String region) {
        RequestFields fields = new RequestFields();
        RegionCode regionCode = fields.optional("region", region, RegionCode::of);
        fields.check();
        return new NormsResponse(norms.list(regionCode).stream().map(n -> NormResponse.of(n, false)).toList());
    }

    @PostMapping("/api/v1/accounts/{accountId}/household-type")
    @Operation(operationId = "setHouseholdType",
            summary = "Set the account's household type, which picks its consumption norm",
            description = "201; 200 with duplicate=true when the account already has the type; 422 DATE_IN_FUTURE, "
                    + "BEFORE_OPENING; 409 ACCOUNT_CLOSED.")
    @ApiResponse(responseCode = "201", description = "Recorded", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "200", description = "Nothing new recorded: an identical repeat",
            useReturnTypeSchema = true)
    public ResponseEntity<HouseholdTypeReceipt> householdType(@PathVariable String accountId,
                                                              @RequestBody HouseholdTypeRequest request) {
        RequestFields.body(request);
        RequestFields fields = new RequestFields();
        AccountId id = fields.required("accountId", accountId, AccountId::of);
        HouseholdType type = fields.required("householdType", request.householdType(),
                RequestFields.enumOf(HouseholdType.class));
        LocalDate setOn = fields.optional("setOn", request.setOn(), RequestFields::date);
        fields.check();
        HouseholdTypeReceipt receipt = commands.send(new SetHouseholdType(id, type,
                setOn == null ? LedgerTime.today(clock) : setOn));
        return ResponseEntity.status(receipt.duplicate() ? HttpStatus.OK : HttpStatus.CREATED).body(receipt);
    }

    private static EnergyKwh positiveKwh(String raw) {
        EnergyKwh kwh = EnergyKwh.parse(raw);
        if (kwh.value().signum() == 0) {
            throw new IllegalArgumentException("must be greater than 0");
        }
        return kwh;
    }
}
