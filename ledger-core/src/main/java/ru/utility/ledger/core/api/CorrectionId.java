package ru.utility.ledger.core.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Identifies one correction (перерасчёт) of a charge on an account: the idempotency key of making it. An increase
 * becomes a debt of its own under the same id, so it has a charge id's form and no other debt of the account may
 * carry it.
 */
public record CorrectionId(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public CorrectionId {
        Objects.requireNonNull(value, "value");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("must be 1-64 characters of A-Z, a-z, 0-9 and '.', '_', '-'");
        }
    }

    /** The id an increase is owed and allocated under, like a charge's. */
    public ChargeId debtId() {
        return ChargeId.of(value);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static CorrectionId of(String value) {
        return new CorrectionId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
