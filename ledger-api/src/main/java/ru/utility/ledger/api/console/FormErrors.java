package ru.utility.ledger.api.console;

import java.util.LinkedHashMap;
import java.util.Map;

import ru.utility.ledger.api.http.FieldError;
import ru.utility.ledger.api.http.InvalidRequestException;
import ru.utility.ledger.api.http.UnknownAccountException;
import ru.utility.ledger.core.api.LedgerRuleViolation;

/**
 * What a refused form submission said, field by field, in the words of the API's own validation (the console
 * sends its forms through the API's controllers), so the page shows each reason next to its field.
 *
 * @param form    which form was sent (its errors are shown there)
 * @param fields  field name (the API's) to reason
 * @param general a refusal that names no field, with its code
 */
public record FormErrors(String form, Map<String, String> fields, String general) {

    public boolean has(String field) {
        return fields.containsKey(field);
    }

    public String of(String field) {
        return fields.get(field);
    }

    /** Runs a write; returns null when it was accepted, or what was wrong with it. */
    static FormErrors attempt(String form, Runnable write) {
        try {
            write.run();
            return null;
        } catch (InvalidRequestException e) {
            Map<String, String> fields = new LinkedHashMap<>();
            for (FieldError error : e.errors()) {
                fields.merge(error.field(), error.reason(), (a, b) -> a + "; " + b);
            }
            return new FormErrors(form, fields, null);
        } catch (LedgerRuleViolation e) {
            if (e.field() != null) {
                return new FormErrors(form, Map.of(e.field(), e.reason()), e.code());
            }
            return new FormErrors(form, Map.of(), e.code() + ": " + e.reason());
        } catch (UnknownAccountException e) {
            return new FormErrors(form, Map.of("accountId", e.getMessage()), null);
        } catch (IllegalArgumentException e) {
            // A command constructor's invariant: the API answers these 400 too.
            return new FormErrors(form, Map.of(), String.valueOf(e.getMessage()));
        }
    }
}
