package ru.utility.ledger.api.http;

/** One invalid input field and why; the "errors" member of a problem response. */
public record FieldError(String field, String reason) {
}
