package ru.utility.ledger.api.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

import ru.utility.ledger.core.rules.penalty.PenaltyCalculator;
import ru.utility.ledger.core.rules.penalty.PenaltyRules;

/** The penalty law and the calculator the Account's AccruePenalty handler and the explain endpoint share. */
@Configuration(proxyBeanMethods = false)
public class PenaltyConfiguration {

    /** The configured law, without programme moratoria (those come from {@link PenaltyRulesRegistry}). */
    @Bean
    public PenaltyRules configuredPenaltyRules(PenaltyRulesProperties properties, ResourceLoader resources)
            throws IOException {
        String location = properties.rulesLocation();
        if (location == null || location.isBlank()) {
            return PenaltyRules.shipped();
        }
        Resource resource = resources.getResource(location);
        try (InputStream in = resource.getInputStream()) {
            return PenaltyRules.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("ledger.penalty.rules-location " + location + ": " + e.getMessage(), e);
        }
    }

    /**
     * A prototype: Axon resolves a command handler's bean parameter by a bean-factory lookup per invocation,
     * so every accrual gets a calculator with the programme moratoria known at that moment.
     */
    @Bean
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    public PenaltyCalculator penaltyCalculator(PenaltyRulesRegistry registry) {
        return registry.calculator();
    }
}
