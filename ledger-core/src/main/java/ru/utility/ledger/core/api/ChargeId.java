package ru.utility.ledger.core.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.regex.Pattern;

/** Identifies one charge on an account; the idempotency key of posting it. */
public record ChargeId(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    public ChargeId {
        Objects.requireNonNull(value, "value");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("must be 1-64 characters of A-Z, a-z, 0-9 and '.', '_', ':', '-'");
        }
    }

    /** The id of the monthly energy charge, so a rerun of a billing run cannot charge a month twice. */
    public static ChargeId energyFor(BillingPeriod period) {
        return new ChargeId("ENERGY-" + period);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ChargeId of(String value) {
        return new ChargeId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
