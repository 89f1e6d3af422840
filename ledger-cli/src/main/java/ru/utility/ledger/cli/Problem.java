package ru.utility.ledger.cli;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An RFC 9457 problem document as the ledger sends it: title, detail, and its extension members code,
 * errors (field and reason) and requestId. Anything else in the answer is shown as it came.
 */
record Problem(int status, String title, String detail, String code, List<FieldError> errors, String requestId) {

    record FieldError(String field, String reason) {
    }

    /** The body as a problem when it is one; otherwise a problem made of the status and the raw text. */
    static Problem of(int status, String contentType, String body, JsonMapper json) {
        if (contentType != null && contentType.contains("json") && body != null && !body.isBlank()) {
            try {
                JsonNode node = json.readTree(body);
                if (node.isObject()) {
                    List<FieldError> errors = new ArrayList<>();
                    for (JsonNode error : node.path("errors")) {
                        errors.add(new FieldError(text(error, "field"), text(error, "reason")));
                    }
                    return new Problem(status, text(node, "title"), text(node, "detail"), text(node, "code"),
                            List.copyOf(errors), text(node, "requestId"));
                }
            } catch (RuntimeException notJson) {
                // Shown as plain text below: a proxy's error page is still worth reading.
            }
        }
        String raw = body == null ? "" : body.strip();
        return new Problem(status, null, raw.length() > 500 ? raw.substring(0, 500) + "..." : raw, null, List.of(),
                null);
    }

    /** Lines for a person: what failed, why, and which field to fix. */
    String describe() {
        StringBuilder out = new StringBuilder("error: ").append(status);
        if (title != null) {
            out.append(' ').append(title);
        }
        if (code != null) {
            out.append(" (").append(code).append(')');
        }
        if (detail != null && !detail.isBlank()) {
            out.append(": ").append(detail);
        }
        for (FieldError error : errors) {
            out.append(System.lineSeparator()).append("  ").append(error.field() == null ? "?" : error.field())
                    .append(": ").append(error.reason() == null ? "" : error.reason());
        }
        if (requestId != null) {
            out.append(System.lineSeparator()).append("  request id: ").append(requestId);
        }
        return out.toString();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
