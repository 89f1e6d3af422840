package ru.utility.ledger.api.program;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import ru.utility.ledger.api.command.LedgerCommands;
import ru.utility.ledger.api.history.AccountHistory;
import ru.utility.ledger.api.http.FieldError;
import ru.utility.ledger.api.http.InvalidRequestException;
import ru.utility.ledger.api.http.RequestFields;
import ru.utility.ledger.api.program.ProgramRequests.CloseProgramRequest;
import ru.utility.ledger.api.program.ProgramRequests.LaunchProgramRequest;
import ru.utility.ledger.api.program.ProgramResponses.ProgramView;
import ru.utility.ledger.core.api.LedgerRuleViolation;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.ProgramId;
import ru.utility.ledger.core.api.RegionCode;
import ru.utility.ledger.core.api.RuleViolationCode;
import ru.utility.ledger.core.api.SocialCategory;
import ru.utility.ledger.core.api.program.CloseProgram;
import ru.utility.ledger.core.api.program.Eligibility;
import ru.utility.ledger.core.api.program.LaunchProgram;
import ru.utility.ledger.core.api.program.ProgramReceipt;
import ru.utility.ledger.core.api.program.ReliefKind;
import ru.utility.ledger.core.api.program.ReliefParameters;

/** Relief programmes: launch, close, read. */
@RestController
@Tag(name = "Relief programmes", description = "Deferrals, installments, discounts, compensation, moratoria, amnesties")
public class ProgramController {

    private final LedgerCommands commands;
    private final AccountHistory history;
    private final ru.utility.ledger.projections.relief.ProgrammeMoratoria moratoria;

    public ProgramController(LedgerCommands commands, AccountHistory history,
                             ru.utility.ledger.projections.relief.ProgrammeMoratoria moratoria) {
        this.commands = commands;
        this.history = history;
        this.moratoria = moratoria;
    }

    @PostMapping("/api/v1/programmes")
    @Operation(operationId = "launchProgramme",
            summary = "Launch a relief programme", description = "201 with Location; 200 on an identical repeat; "
            + "409 PROGRAM_EXISTS for the same id with other content; 400 when the parameters do not fit the kind.")
    @ApiResponse(responseCode = "201", description = "Recorded", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "200", description = "Nothing new recorded: an identical repeat",
            useReturnTypeSchema = true)
    public ResponseEntity<ProgramReceipt> launch(@RequestBody LaunchProgramRequest request) {
        RequestFields.body(request);
        RequestFields fields = new RequestFields();
        ProgramId id = fields.required("programId", request.programId(), ProgramId::of);
        String name = fields.text("name", request.name(), LaunchProgram.NAME_MAX, true);
        ReliefKind kind = fields.required("kind", request.kind(), RequestFields.enumOf(ReliefKind.class));
        LocalDate from = fields.required("activeFrom", request.activeFrom(), RequestFields::date);
        LocalDate to = fields.optional("activeTo", request.activeTo(), RequestFields::date);
        BigDecimal percent = fields.optional("percent", request.percent(), ProgramController::decimal);
        Money budget = fields.optional("budget", request.budget(), raw -> Money.parse(raw).requirePositiveInput());
        fields.check();
        Set<SocialCategory> categories = list("categories", request.categories(), RequestFields.enumOf(SocialCategory.class));
        Set<RegionCode> regions = list("regions", request.regions(), RegionCode::of);
        LaunchProgram command;
        try {
            command = new LaunchProgram(id, name, kind, from, to, new Eligibility(categories, regions),
                    new ReliefParameters(percent, request.maxDeferralMonths(), request.minInstallments(),
                            request.maxInstallments(), request.missesBeforeDefault(), request.amnestyMonthsPaidInFull()),
                    budget);
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            String field = message.startsWith("parameters.") ? message.substring("parameters.".length()).split(" ")[0]
                    : message.startsWith("activeTo") ? "activeTo"
                    : message.startsWith("eligibility") ? (regions.isEmpty() ? "categories" : "regions") : "parameters";
            throw new InvalidRequestException(List.of(new FieldError(field, message)));
        }
        ProgramReceipt receipt = commands.send(command);
        return ResponseEntity.status(receipt.duplicate() ? HttpStatus.OK : HttpStatus.CREATED)
                .location(URI.create("/api/v1/programmes/" + id.value()))
                .body(receipt);
    }

    @PostMapping("/api/v1/programmes/{programId}/closure")
    @Operation(operationId = "closeProgramme",
            summary = "Close a relief programme", description = "201; 200 on a repeat with the same reason; "
            + "404 UNKNOWN_PROGRAM; 409 PROGRAM_CLOSED for another reason.")
    @ApiResponse(responseCode = "201", description = "Recorded", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "200", description = "Nothing new recorded: an identical repeat",
            useReturnTypeSchema = true)
    public ResponseEntity<ProgramReceipt> close(@PathVariable String programId, @RequestBody CloseProgramRequest request) {
        RequestFields.body(request);
        RequestFields fields = new RequestFields();
        ProgramId id = fields.required("programId", programId, ProgramId::of);
        LocalDate closedOn = fields.required("closedOn", request.closedOn(), RequestFields::date);
        String reason = fields.text("reason", request.reason(), 500, true);
        fields.check();
        try {
            ProgramReceipt receipt = commands.send(new CloseProgram(id, closedOn, reason));
            return ResponseEntity.status(receipt.duplicate() ? HttpStatus.OK : HttpStatus.CREATED).body(receipt);
        } catch (AggregateNotFoundException e) {
            throw unknown(id);
        }
    }

    @GetMapping("/api/v1/programmes/{programId}")
    @Operation(operationId = "getProgramme",
            summary = "A relief programme as recorded", description = "A PENALTY_MORATORIUM programme also "
            + "shows the moratorium the penalty rules apply for it (absent until projected or when closed on its first day).")
    public ProgramView get(@PathVariable String programId) {
        RequestFields fields = new RequestFields();
        ProgramId id = fields.required("programId", programId, ProgramId::of);
        fields.check();
        ProgramReceipt receipt = history.program(id).map(state -> state.receipt(false)).orElseThrow(() -> unknown(id));
        return new ProgramView(receipt, receipt.kind() == ReliefKind.PENALTY_MORATORIUM
                ? moratoria.of(id).orElse(null) : null);
    }

    private static LedgerRuleViolation unknown(ProgramId id) {
        return LedgerRuleViolation.of(RuleViolationCode.UNKNOWN_PROGRAM,
                "programId", "programme " + id.value() + " is not known");
    }

    private static BigDecimal decimal(String raw) {
        try {
            return new BigDecimal(raw);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be a decimal number such as 30 or 12.5");
        }
    }

    private static <T> Set<T> list(String field, List<String> raw, java.util.function.Function<String, T> parser) {
        if (raw == null) {
            return Set.of();
        }
        List<FieldError> errors = new ArrayList<>();
        Set<T> values = new LinkedHashSet<>();
        for (String value : raw) {
            try {
                values.add(parser.apply(java.util.Objects.requireNonNull(value, "must not be null")));
            } catch (IllegalArgumentException | NullPointerException e) {
                errors.add(new FieldError(field, "'" + value + "' " + e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return values;
    }
}
