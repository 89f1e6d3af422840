package ru.utility.ledger.core.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Identifies a relief programme. Its aggregate identifier is {@code PROGRAM:<value>}: accounts and
 * programmes share the event table, and ':' never occurs in an account id, so the two cannot collide.
 */
public record ProgramId(String value) {

    public static final String AGGREGATE_PREFIX = "PROGRAM:";
    private static final Pattern FORMAT = Pattern.compile("[A-Z0-9-]{3,32}");

    public ProgramId {
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
    public static ProgramId of(String value) {
        return new ProgramId(value);
    }

    /** The aggregate identifier (Axon uses toString). */
    @Override
    public String toString() {
        return AGGREGATE_PREFIX + value;
    }
}
