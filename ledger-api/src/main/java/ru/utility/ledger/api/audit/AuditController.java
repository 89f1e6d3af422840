package ru.utility.ledger.api.audit;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import ru.utility.ledger.api.audit.AuditResponses.EventPage;
import ru.utility.ledger.api.eventstore.IntegrityReport;
import ru.utility.ledger.api.eventstore.StoredEventRecord;
import ru.utility.ledger.api.eventstore.StoredEvents;
import ru.utility.ledger.api.http.RequestFields;
import ru.utility.ledger.api.http.UnknownAccountException;
import ru.utility.ledger.core.api.AccountId;

/** For auditors: an account's stored events, their export and the verification of its hash chain. */
@RestController
@RequestMapping("/api/v1/accounts/{accountId}")
@Tag(name = "Audit", description = "Event history, export and integrity of an account")
public class AuditController {

    static final int MAX_PAGE = 1000;

    private final StoredEvents events;

    public AuditController(StoredEvents events) {
        this.events = events;
    }

    @GetMapping("/events")
    @Operation(operationId = "listEvents",
            summary = "The account's events as stored, in sequence order, a page at a time",
            description = "Keyset paging: fromSequence (default 0) and limit (1-1000, default 100).")
    public EventPage history(@PathVariable String accountId,
                             @RequestParam(required = false) String fromSequence,
                             @RequestParam(required = false) String limit) {
        RequestFields fields = new RequestFields();
        AccountId id = fields.required("accountId", accountId, AccountId::of);
        Long from = fields.optional("fromSequence", fromSequence, raw -> RequestFields.longInRange(raw, 0, Long.MAX_VALUE));
        Long size = fields.optional("limit", limit, raw -> RequestFields.longInRange(raw, 1, MAX_PAGE));
        fields.check();
        int pageSize = size == null ? 100 : size.intValue();
        List<StoredEventRecord> page = events.page(id, from == null ? 0 : from, pageSize + 1);
        if (page.isEmpty() && !events.exists(id)) {
            throw new UnknownAccountException(id);
        }
        boolean more = page.size() > pageSize;
        List<StoredEventRecord> shown = more ? page.subList(0, pageSize) : page;
        return new EventPage(id, shown, more ? shown.getLast().sequence() + 1 : null);
    }

    @GetMapping(value = "/events/export", produces = "application/x-ndjson")
    @Operation(operationId = "exportEvents",
            summary = "The account's full history as JSON lines, streamed", description = "One event per line, "
            + "in sequence order, in the same shape as the history endpoint.")
    public ResponseEntity<StreamingResponseBody> export(@PathVariable String accountId) {
        AccountId id = pathAccountId(accountId);
        if (!events.exists(id)) {
            throw new UnknownAccountException(id);
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/x-ndjson"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + id.value() + "-events.jsonl\"")
                .body(out -> events.export(id, out));
    }

    @GetMapping("/integrity")
    @Operation(operationId = "checkIntegrity", summary = "Recompute the account's hash chain from the stored events",
            description = "valid=false names the first broken link: its sequence, event id and the reason.")
    public IntegrityReport integrity(@PathVariable String accountId) {
        AccountId id = pathAccountId(accountId);
        if (!events.exists(id)) {
            throw new UnknownAccountException(id);
        }
        return events.verify(id);
    }

    private static AccountId pathAccountId(String raw) {
        RequestFields fields = new RequestFields();
        AccountId id = fields.required("accountId", raw, AccountId::of);
        fields.check();
        return id;
    }
}
