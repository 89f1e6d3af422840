package ru.utility.ledger.core.api.anchor;

import java.util.Objects;
import java.util.regex.Pattern;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import ru.utility.ledger.core.api.AnchorLogId;

/**
 * Records checkpoint {@code number} of every chain's head: {@code merkleRoot} (SHA-256, lowercase hex) over the
 * heads of {@code chains} streams, as committed up to global index {@code upToGlobalIndex}.
 */
public record AnchorChains(@TargetAggregateIdentifier AnchorLogId logId, long number, String merkleRoot, int chains,
                           long upToGlobalIndex) implements AnchorCommand {

    private static final Pattern SHA_256_HEX = Pattern.compile("[0-9a-f]{64}");

    public AnchorChains {
        Objects.requireNonNull(logId, "logId must not be null");
        Objects.requireNonNull(merkleRoot, "merkleRoot must not be null");
        if (number < 1) {
            throw new IllegalArgumentException("number must be at least 1");
        }
        if (!SHA_256_HEX.matcher(merkleRoot).matches()) {
            throw new IllegalArgumentException("merkleRoot must be 64 lowercase hex digits");
        }
        if (chains < 0 || upToGlobalIndex < 0) {
            throw new IllegalArgumentException("chains and upToGlobalIndex must not be negative");
        }
    }
}
