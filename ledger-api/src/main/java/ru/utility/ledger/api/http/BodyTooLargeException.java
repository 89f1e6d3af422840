package ru.utility.ledger.api.http;

import java.io.IOException;

/** A request body past ledger.web.max-json-body, noticed while it streams in (it had no Content-Length). */
public class BodyTooLargeException extends IOException {

    public BodyTooLargeException(long limit) {
        super("the request body is larger than the limit of " + limit + " bytes (ledger.web.max-json-body)");
    }
}
