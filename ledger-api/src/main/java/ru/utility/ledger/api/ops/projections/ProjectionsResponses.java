package ru.utility.ledger.api.ops.projections;

import java.util.List;

/** Response bodies of the projections endpoints ({@link AdminProjectionsController}). */
public final class ProjectionsResponses {

    private ProjectionsResponses() {
    }

    public record ProjectionsResponse(List<ProjectionStatus> projections) {
    }
}
