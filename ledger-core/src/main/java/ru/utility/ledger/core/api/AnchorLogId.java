package ru.utility.ledger.core.api;

import java.util.Objects;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Identifies a log of chain anchors (the ledger keeps one, {@link #CHAINS}). Its aggregate identifier is
 * {@code ANCHORS:<value>}: ':' never occurs in an account id, so it cannot collide with an account's stream.
 */
public record AnchorLogId(String value) {

    public static final String AGGREGATE_PREFIX = "ANCHORS:";
    private static final Pattern FORMAT = Pattern.compile("[A-Z0-9-]{3,32}");
    public static final AnchorLogId CHAINS = new AnchorLogId("CHAINS");

    public AnchorLogId {
        Objects.requireNonNull(value, "value");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("must be 3-32 characters of A-Z, 0-9 and '-'");
        }
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static AnchorLogId of(String value) {
        return new AnchorLogId(value);
    }

    /** The aggregate identifier (Axon uses toString). */
    @Override
    public String toString() {
        return AGGREGATE_PREFIX + value;
    }
}
