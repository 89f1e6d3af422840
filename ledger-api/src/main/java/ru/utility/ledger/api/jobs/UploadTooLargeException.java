package ru.utility.ledger.api.jobs;

import org.springframework.util.unit.DataSize;

/** An upload larger than ledger.jobs.max-upload-size: refused whole (413), nothing is stored. */
public class UploadTooLargeException extends RuntimeException {

    private final DataSize limit;

    public UploadTooLargeException(DataSize limit) {
        super("the file is larger than the limit of " + limit.toBytes() + " bytes (ledger.jobs.max-upload-size)");
        this.limit = limit;
    }

    public DataSize limit() {
        return limit;
    }
}
