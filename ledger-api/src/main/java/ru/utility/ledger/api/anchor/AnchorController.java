package ru.utility.ledger.api.anchor;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ru.utility.ledger.api.anchor.AnchorResponses.AnchorExport;
import ru.utility.ledger.api.anchor.AnchorResponses.AnchorList;
import ru.utility.ledger.api.http.RequestFields;
import ru.utility.ledger.core.api.LedgerRuleViolation;
import ru.utility.ledger.core.api.RuleViolationCode;

/** Chain anchors: the checkpoints of every stream's hash-chain head, their export and verification. */
@RestController
@RequestMapping("/api/v1/anchors")
@Tag(name = "Audit", description = "Event history, export and integrity of an account")
public class AnchorController {

    private final ChainAnchoring anchoring;

    public AnchorController(ChainAnchoring anchoring) {
        this.anchoring = anchoring;
    }

    @GetMapping
    @Operation(operationId = "listAnchors", summary = "Every anchor recorded, oldest first")
    public AnchorList list() {
        return new AnchorList(anchoring.anchors());
    }

    @PostMapping
    @Operation(operationId = "anchorChains",
            summary = "Anchor every stream's chain head now", description = "201 with the new anchor; the "
            + "schedule (ledger.anchors.interval) does the same periodically.")
    @ApiResponse(responseCode = "201", description = "Recorded", useReturnTypeSchema = true)
    public ResponseEntity<ChainAnchoring.Anchor> anchorNow() {
        return ResponseEntity.status(HttpStatus.CREATED).body(anchoring.anchor());
    }

    @GetMapping("/{number}")
    @Operation(operationId = "getAnchor",
            summary = "Export one anchor with the heads it covers (stream, sequence, hash), by stream",
            description = "The root is the Merkle root over these heads (docs/contributing/architecture.md); 404 unknown anchor.")
    public AnchorExport export(@PathVariable String number) {
        ChainAnchoring.Anchor anchor = find(number);
        return new AnchorExport(anchor, anchoring.heads(anchor.number()));
    }

    @GetMapping("/verification")
    @Operation(operationId = "verifyAnchor",
            summary = "Check the store against the latest anchor (or ?number=)", description = "valid=false "
            + "lists each stream whose anchored head is gone (TRUNCATED: its newest events were deleted) or changed "
            + "(ALTERED), and rootMatches=false when the recorded heads no longer give the anchor's root.")
    public ChainAnchoring.Verification verify(@RequestParam(required = false) String number) {
        ChainAnchoring.Anchor anchor = number == null
                ? anchoring.latest().orElseThrow(() -> new LedgerRuleViolation(
                        RuleViolationCode.UNKNOWN_ANCHOR, "number", "no anchor has been recorded yet"))
                : find(number);
        return anchoring.verify(anchor);
    }

    private ChainAnchoring.Anchor find(String number) {
        RequestFields fields = new RequestFields();
        Long value = fields.required("number", number, raw -> RequestFields.longInRange(raw, 1, Long.MAX_VALUE));
        fields.check();
        return anchoring.anchor(value).orElseThrow(() -> new LedgerRuleViolation(RuleViolationCode.UNKNOWN_ANCHOR,
                "number", "no anchor " + value));
    }
}
