package ru.utility.ledger.api.config;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import ru.utility.ledger.api.relief.ProgrammeMoratoriumWindows;

/**
 * The penalty decision's moratoria are kept by a subscribing processor, not a tracking one: it runs in the
 * committing unit of work of the command that appended a programme's launch or closure, so the window is
 * written in that transaction and the decision never reads it behind the events. A failing write must fail
 * that command rather than be logged and skipped (Axon's default), hence the propagating error handler.
 */
@Configuration(proxyBeanMethods = false)
public class ProgrammeMoratoriumWindowConfiguration {

    @Bean
    public ConfigurerModule programmeMoratoriumWindowProcessor() {
        return configurer -> configurer.eventProcessing()
                .registerSubscribingEventProcessor(ProgrammeMoratoriumWindows.PROCESSING_GROUP)
                .registerListenerInvocationErrorHandler(ProgrammeMoratoriumWindows.PROCESSING_GROUP,
                        c -> PropagatingErrorHandler.instance());
    }

    /**
     * Fills the table from the event store for programmes launched before it existed, once, after every bean
     * exists and before anything is started (processors, schedulers, the web server): no accrual on this node
     * can run before it.
     */
    @Bean
    public SmartInitializingSingleton programmeMoratoriumWindowBackfill(ProgrammeMoratoriumWindows windows) {
        return windows::backfill;
    }
}
