package ru.utility.ledger.core.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.regex.Pattern;

/** Identifies one deferral on an account; the idempotency key of granting it. */
public record DeferralId(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    public DeferralId {
        Objects.requireNonNull(value, "value");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("must be 1-64 characters of A-Z, a-z, 0-9 and '.', '_', ':', '-'");
        }
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static DeferralId of(String value) {
        return new DeferralId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
