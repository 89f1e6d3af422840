package ru.utility.ledger.api.relief;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A failing saga handler must not be skipped: Axon's default logs the error and moves on, which here would
 * lose a drawn discount's credit or a closure. Propagating makes the processor roll the batch back (its
 * commands' events, the saga state and the token together) and retry it with back-off; a persistent failure
 * shows as state ERROR in {@code GET /api/v1/admin/projections} (docs/operating/projections.md).
 */
@Configuration(proxyBeanMethods = false)
public class ReliefSagaConfiguration {

    @Bean
    public ConfigurerModule reliefSagaErrorHandling() {
        return configurer -> configurer.eventProcessing().registerListenerInvocationErrorHandler(
                ReliefEnrolmentSaga.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance());
    }
}
