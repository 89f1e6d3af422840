package ru.utility.ledger.api.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

import ru.utility.ledger.core.rules.penalty.PenaltyCalculator;
import ru.utility.ledger.core.rules.penalty.PenaltyRules;

/** The penalty calculator the Account's AccruePenalty handler and the explain endpoint share. */
@Configuration(proxyBeanMethods = false)
public class PenaltyConfiguration {

    @Bean
    public PenaltyCalculator penaltyCalculator(PenaltyRulesProperties properties, ResourceLoader resources)
            throws IOException {
        String location = properties.rulesLocation();
        if (location == null || location.isBlank()) {
            return new PenaltyCalculator(PenaltyRules.shipped());
        }
        Resource resource = resources.getResource(location);
        try (InputStream in = resource.getInputStream()) {
            return new PenaltyCalculator(PenaltyRules.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("ledger.penalty.rules-location " + location + ": " + e.getMessage(), e);
        }
    }
}
