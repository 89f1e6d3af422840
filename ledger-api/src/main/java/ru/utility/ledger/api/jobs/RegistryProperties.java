package ru.utility.ledger.api.jobs;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ledger.registry.profiles.<name>.*}: the bank registry layouts an upload may name. application.yaml
 * ships {@code default} (the format before profiles existed) and {@code sber}; an operator's configuration adds
 * profiles or overrides their properties.
 */
@ConfigurationProperties("ledger.registry")
public record RegistryProperties(Map<String, RegistryLayout> profiles) {
}
