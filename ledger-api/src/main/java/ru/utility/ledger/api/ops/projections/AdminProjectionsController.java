package ru.utility.ledger.api.ops.projections;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import ru.utility.ledger.api.ops.projections.ProjectionsResponses.ProjectionsResponse;

/** Operations on the read side: processor status and lag, replays, and the replay-equals-live check. */
@RestController
@RequestMapping("/api/v1/admin/projections")
@Tag(name = "Operations", description = "Projection status, replay and verification")
public class AdminProjectionsController {

    private final ProjectionOperations operations;
    private final ReplayCheck replayCheck;

    public AdminProjectionsController(ProjectionOperations operations, ReplayCheck replayCheck) {
        this.operations = operations;
        this.replayCheck = replayCheck;
    }

    @GetMapping
    @Operation(operationId = "listProjections",
            summary = "Each projection's position, the store head, lag in events and seconds, state and "
                    + "replay progress")
    public ProjectionsResponse list() {
        return new ProjectionsResponse(operations.statuses());
    }

    @PostMapping("/{name}/replay")
    @Operation(operationId = "replayProjection",
            summary = "Rebuild a projection from the first event", description = "Resets the projection's "
            + "processor, so the projections it shares that processor with (sharedWith in the status) are rebuilt "
            + "too. 202 with the status; follow progress (processed, rate, ETA) on GET /api/v1/admin/projections. "
            + "404 unknown projection; 409 when its processor is already replaying.")
    @ApiResponse(responseCode = "202", description = "Started; follow its progress", useReturnTypeSchema = true)
    public ResponseEntity<ProjectionStatus> replay(@PathVariable String name) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(operations.replay(name));
    }

    @PostMapping("/replay-check")
    @Operation(operationId = "checkReplays",
            summary = "Rebuild every projection into shadow tables and compare them with the live tables",
            description = "Row-by-row checksums; lists the differing rows. Meaningful when the live projections "
                    + "have caught up (compare upToIndex with their positions).")
    public ReplayCheckReport replayCheck() {
        return replayCheck.run();
    }
}
