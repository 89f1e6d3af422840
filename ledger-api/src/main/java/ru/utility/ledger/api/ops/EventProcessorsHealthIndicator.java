package ru.utility.ledger.api.ops;

import java.util.LinkedHashMap;
import java.util.Map;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * DOWN when any event processor has stopped or is in error: its projections would silently fall behind. Each
 * processor lists the processing groups it runs (several for the shared one, ProjectionProcessors).
 */
@Component("eventProcessors")
public class EventProcessorsHealthIndicator implements HealthIndicator {

    private final EventProcessingConfiguration processing;
    private final ProjectionProcessors layout;

    public EventProcessorsHealthIndicator(EventProcessingConfiguration processing, ProjectionProcessors layout) {
        this.processing = processing;
        this.layout = layout;
    }

    @Override
    public Health health() {
        boolean healthy = true;
        Map<String, Object> details = new LinkedHashMap<>();
        for (Map.Entry<String, EventProcessor> entry : processing.eventProcessors().entrySet()) {
            EventProcessor processor = entry.getValue();
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("running", processor.isRunning());
            detail.put("error", processor.isError());
            detail.put("processingGroups", layout.groupsOf(entry.getKey()));
            if (processor instanceof StreamingEventProcessor streaming) {
                detail.put("segmentsClaimed", streaming.processingStatus().size());
                detail.put("segmentsInError", streaming.processingStatus().values().stream()
                        .filter(s -> s.isErrorState()).count());
            }
            healthy &= processor.isRunning() && !processor.isError();
            details.put(entry.getKey(), detail);
        }
        return (healthy ? Health.up() : Health.down()).withDetails(details).build();
    }
}
