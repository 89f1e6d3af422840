package ru.utility.ledger.core.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Identifies one installment plan on an account; the idempotency key of agreeing it. At most 40
 * characters, so that its installments' ids ({@code <planId>:<number>}) are valid charge ids.
 */
public record PlanId(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9._-]{1,40}");

    public PlanId {
        Objects.requireNonNull(value, "value");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("must be 1-40 characters of A-Z, a-z, 0-9 and '.', '_', '-'");
        }
    }

    /** The id an installment is allocated under, like a charge's. */
    public ChargeId installment(int number) {
        return ChargeId.of(value + ":" + number);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static PlanId of(String value) {
        return new PlanId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
