package ru.utility.ledger.api.config;

import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import ru.utility.ledger.api.ops.ProjectionProcessors;

/**
 * The opt-in shared processor layout (ProjectionProcessors): with {@code ledger.projections.shared-processor} set,
 * the four shareable processing groups are assigned to that one processor. It is built like every other
 * processor, from {@code axon.eventhandling.processors.<name>} (application.yaml ships {@code read-models}); a
 * name without pooled settings there would silently become one of Axon's default processors, so it stops the
 * start instead.
 */
@Configuration(proxyBeanMethods = false)
public class SharedProjectionProcessor {

    @Bean
    public ConfigurerModule sharedProcessorAssignment(ProjectionProcessors layout, Environment environment) {
        layout.shared().ifPresent(name -> {
            String mode = environment.getProperty("axon.eventhandling.processors." + name + ".mode", "");
            if (!mode.equalsIgnoreCase("pooled")) {
                throw new IllegalStateException("ledger.projections.shared-processor=" + name + " needs a pooled"
                        + " processor: set axon.eventhandling.processors." + name + ".mode=pooled with its thread-count,"
                        + " initial-segment-count and batch-size");
            }
        });
        return configurer -> layout.shared().ifPresent(name -> ProjectionProcessors.SHAREABLE
                .forEach(group -> configurer.eventProcessing().assignProcessingGroup(group, name)));
    }
}
