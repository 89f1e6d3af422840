package ru.utility.ledger.api.http;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Converts request strings into value types, collecting every field's error so that one response names
 * them all. The value types own their invariants; this class only attaches the field name.
 */
public final class RequestFields {

    private final List<FieldError> errors = new ArrayList<>();

    public <T> T required(String field, String raw, Function<String, T> parser) {
        if (raw == null || raw.isBlank()) {
            errors.add(new FieldError(field, "is required"));
            return null;
        }
        return parse(field, raw, parser);
    }

    public <T> T optional(String field, String raw, Function<String, T> parser) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return parse(field, raw, parser);
    }

    public String text(String field, String raw, int maxLength, boolean required) {
        if (raw == null || raw.isBlank()) {
            if (required) {
                errors.add(new FieldError(field, "is required"));
            }
            return null;
        }
        String trimmed = raw.strip();
        if (trimmed.length() > maxLength) {
            errors.add(new FieldError(field, "must be at most " + maxLength + " characters"));
            return null;
        }
        return trimmed;
    }

    /** A JSON {@code null} body binds to null rather than failing to parse; it is as bad as no body. */
    public static <T> T body(T request) {
        if (request == null) {
            throw new InvalidRequestException(List.of(new FieldError("body", "a JSON object is required")));
        }
        return request;
    }

    public static LocalDate date(String raw) {
        try {
            return LocalDate.parse(raw);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("must be a date as YYYY-MM-DD");
        }
    }

    public static Long longInRange(String raw, long min, long max) {
        try {
            long value = Long.parseLong(raw);
            if (value < min || value > max) {
                throw new IllegalArgumentException("must be between " + min + " and " + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be a whole number");
        }
    }

    public static java.time.Instant instant(String raw) {
        try {
            return java.time.Instant.parse(raw);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("must be an instant such as 2026-11-25T09:00:00Z");
        }
    }

    public static <E extends Enum<E>> Function<String, E> enumOf(Class<E> type) {
        return raw -> {
            try {
                return Enum.valueOf(type, raw);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("must be one of " + Arrays.toString(type.getEnumConstants()));
            }
        };
    }

    public void reject(String field, String reason) {
        errors.add(new FieldError(field, reason));
    }

    public void check() {
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }

    private <T> T parse(String field, String raw, Function<String, T> parser) {
        try {
            return parser.apply(raw.strip());
        } catch (IllegalArgumentException | ArithmeticException e) {
            errors.add(new FieldError(field, e.getMessage()));
            return null;
        }
    }
}
