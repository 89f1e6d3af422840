package ru.utility.ledger.api.overdue;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ru.utility.ledger.api.command.LedgerCommands;
import ru.utility.ledger.api.http.RequestFields;
import ru.utility.ledger.api.overdue.RestrictionRequests.DeliveryRequest;
import ru.utility.ledger.api.overdue.RestrictionRequests.NoticeRequest;
import ru.utility.ledger.api.overdue.RestrictionResponses.CandidatesResponse;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.LedgerTime;
import ru.utility.ledger.core.api.NoticeChannel;
import ru.utility.ledger.core.api.RegionCode;
import ru.utility.ledger.core.api.account.NoticeDeliveryReceipt;
import ru.utility.ledger.core.api.account.NoticeReceipt;
import ru.utility.ledger.core.api.account.RecordNoticeDelivery;
import ru.utility.ledger.core.api.account.RecordRestrictionNotice;
import ru.utility.ledger.core.api.penalty.Moratorium;
import ru.utility.ledger.core.api.penalty.PenaltyRulesInForce;
import ru.utility.ledger.projections.overdue.RestrictionCandidate;
import ru.utility.ledger.projections.overdue.RestrictionCandidates;

/** Restriction notices (events on the account) and the accounts whose supply may be restricted. */
@RestController
@Tag(name = "Restriction", description = "Restriction notices and candidates (Decree 354 pp.117-119)")
public class RestrictionController {

    static final int MAX_PAGE = 1000;

    private final LedgerCommands commands;
    private final RestrictionCandidates candidates;
    private final PenaltyRulesInForce penalties;
    private final Clock clock;

    public RestrictionController(LedgerCommands commands, RestrictionCandidates candidates,
                                 PenaltyRulesInForce penalties, Clock clock) {
        this.commands = commands;
        this.candidates = candidates;
        this.penalties = penalties;
        this.clock = clock;
    }

    @PostMapping("/api/v1/accounts/{accountId}/restriction-notices")
    @Operation(operationId = "recordRestrictionNotice",
            summary = "Record a restriction notice sent to the holder", description = "201; 200 on a repeat "
            + "of the same noticeId and date; 409 IDEMPOTENCY_CONFLICT for the same noticeId with another date.")
    @ApiResponse(responseCode = "201", description = "Recorded", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "200", description = "Nothing new recorded: an identical repeat",
            useReturnTypeSchema = true)
    public ResponseEntity<NoticeReceipt> notice(@PathVariable String accountId, @RequestBody NoticeRequest request) {
        RequestFields.body(request);
        RequestFields fields = new RequestFields();
        AccountId id = fields.required("accountId", accountId, AccountId::of);
        String noticeId = fields.text("noticeId", request.noticeId(), RecordRestrictionNotice.NOTICE_ID_MAX, true);
        LocalDate sentOn = fields.optional("sentOn", request.sentOn(), RequestFields::date);
        fields.check();
        NoticeReceipt receipt = commands.send(new RecordRestrictionNotice(id, noticeId,
                sentOn == null ? LedgerTime.today(clock) : sentOn));
        return ResponseEntity.status(receipt.duplicate() ? HttpStatus.OK : HttpStatus.CREATED).body(receipt);
    }

    @PostMapping("/api/v1/accounts/{accountId}/restriction-notices/{noticeId}/delivery")
    @Operation(operationId = "recordNoticeDelivery",
            summary = "Record that a restriction notice reached the holder", description = "The 20 days to pay "
            + "count from deliveredOn; a notice counts for the restriction candidates only once delivered. 201; 200 on "
            + "a repeat; 404 UNKNOWN_NOTICE; 409 IDEMPOTENCY_CONFLICT for another delivery of the same notice; 422 "
            + "DELIVERY_BEFORE_NOTICE, DATE_IN_FUTURE.")
    @ApiResponse(responseCode = "201", description = "Recorded", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "200", description = "Nothing new recorded: an identical repeat",
            useReturnTypeSchema = true)
    public ResponseEntity<NoticeDeliveryReceipt> delivery(@PathVariable String accountId, @PathVariable String noticeId,
                                                          @RequestBody DeliveryRequest request) {
        RequestFields.body(request);
        RequestFields fields = new RequestFields();
        AccountId id = fields.required("accountId", accountId, AccountId::of);
        String notice = fields.text("noticeId", noticeId, RecordRestrictionNotice.NOTICE_ID_MAX, true);
        LocalDate deliveredOn = fields.optional("deliveredOn", request.deliveredOn(), RequestFields::date);
        NoticeChannel channel = fields.required("channel", request.channel(), RequestFields.enumOf(NoticeChannel.class));
        fields.check();
        NoticeDeliveryReceipt receipt = commands.send(new RecordNoticeDelivery(id, notice,
                deliveredOn == null ? LedgerTime.today(clock) : deliveredOn, channel));
        return ResponseEntity.status(receipt.duplicate() ? HttpStatus.OK : HttpStatus.CREATED).body(receipt);
    }

    @GetMapping("/api/v1/restriction-candidates")
    @Operation(operationId = "listRestrictionCandidates",
            summary = "Accounts whose supply may be restricted on a date (default today)", description = """
            Overdue principal above the two latest billing periods' charges, a notice delivered after the debt \
            arose and at least 21 days before (the 20 days to pay are over), no moratorium on the date. Filter region; keyset pages by account id (after, limit 1-1000).""")
    public CandidatesResponse candidates(@RequestParam(required = false) String asOf,
                                         @RequestParam(required = false) String region,
                                         @RequestParam(required = false) String after,
                                         @RequestParam(required = false) String limit) {
        RequestFields fields = new RequestFields();
        LocalDate date = fields.optional("asOf", asOf, RequestFields::date);
        RegionCode regionCode = fields.optional("region", region, RegionCode::of);
        AccountId from = fields.optional("after", after, AccountId::of);
        Long size = fields.optional("limit", limit, raw -> RequestFields.longInRange(raw, 1, MAX_PAGE));
        fields.check();
        LocalDate day = date == null ? LedgerTime.today(clock) : date;
        Moratorium moratorium = moratoriumOn(penalties, day);
        if (moratorium != null) {
            return new CandidatesResponse(day, moratorium, List.of(), null);
        }
        int pageSize = size == null ? 100 : size.intValue();
        List<RestrictionCandidate> page = candidates.candidates(day, regionCode, from, pageSize + 1);
        boolean more = page.size() > pageSize;
        List<RestrictionCandidate> shown = more ? page.subList(0, pageSize) : page;
        return new CandidatesResponse(day, moratorium, shown, more ? shown.getLast().accountId() : null);
    }

    /**
     * The moratorium of the penalty rules data that covers {@code day} for every debt, or null: then nobody may be
     * restricted. One limited to older debts (the bankruptcy moratorium of 2022) stops penalties, not supply rules.
     */
    static Moratorium moratoriumOn(PenaltyRulesInForce penalties, LocalDate day) {
        return penalties.moratoriumOn(day);
    }
}
