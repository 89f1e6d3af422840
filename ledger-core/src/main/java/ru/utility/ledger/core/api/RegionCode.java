package ru.utility.ledger.core.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.regex.Pattern;

/** A two-digit code of a Russian federal subject ("01".."99"), used to group relief statistics. */
public record RegionCode(String value) {

    private static final Pattern FORMAT = Pattern.compile("0[1-9]|[1-9][0-9]");

    public RegionCode {
        Objects.requireNonNull(value, "value");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("must be two digits from 01 to 99");
        }
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static RegionCode of(String value) {
        return new RegionCode(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
