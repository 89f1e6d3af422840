package ru.utility.ledger.core.api.account;

import ru.utility.ledger.core.api.Money;

import java.util.Objects;

/** Shared argument checks for commands, so every command reports a bad field the same way. */
final class Fields {

    private Fields() {
    }

    static <T> T required(T value, String field) {
        return Objects.requireNonNull(value, field + " must not be null");
    }

    static String text(String value, String field, int maxLength) {
        String trimmed = required(value, field).strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        if (trimmed.length() > maxLength) {
            throw new IllegalArgumentException(field + " must be at most " + maxLength + " characters");
        }
        return trimmed;
    }

    static Money positiveAmount(Money amount, String field) {
        try {
            return required(amount, field).requirePositiveInput();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + " " + e.getMessage(), e);
        }
    }
}
