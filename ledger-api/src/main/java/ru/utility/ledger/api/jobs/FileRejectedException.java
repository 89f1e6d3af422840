package ru.utility.ledger.api.jobs;

import java.util.List;

import ru.utility.ledger.api.http.FieldError;

/** A whole upload refused (control line missing or wrong, nothing to import): nothing is stored. */
public class FileRejectedException extends RuntimeException {

    private final String code;
    private final List<FieldError> errors;

    public FileRejectedException(String code, String detail, List<FieldError> errors) {
        super(detail);
        this.code = code;
        this.errors = List.copyOf(errors);
    }

    public String code() {
        return code;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
