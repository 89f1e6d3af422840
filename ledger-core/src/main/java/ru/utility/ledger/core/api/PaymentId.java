package ru.utility.ledger.core.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The sender's external reference of a payment. It is the idempotency key, so it keeps the sender's
 * spelling (case, slashes of bank registry references) instead of being normalised.
 */
public record PaymentId(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9._:/-]{1,64}");

    public PaymentId {
        Objects.requireNonNull(value, "value");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("must be 1-64 characters of A-Z, a-z, 0-9 and '.', '_', ':', '/', '-'");
        }
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static PaymentId of(String value) {
        return new PaymentId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
