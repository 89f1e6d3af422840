package ru.utility.ledger.api.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the penalty law comes from. Empty: the rules shipped in ledger-core ({@code penalty-rules.txt});
 * otherwise a Spring resource location ({@code file:/etc/ledger/penalty-rules.txt}) in the same format,
 * which replaces them entirely. A retroactive change (a new decree) is a new file and a penalty run.
 */
@ConfigurationProperties("ledger.penalty")
public record PenaltyRulesProperties(String rulesLocation) {
}
