package ru.utility.ledger.api.http;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** RFC 9457 problem documents with the ledger's extension members: code, errors, requestId. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static ProblemDetail problem(HttpStatusCode status, String code, String detail, List<FieldError> errors,
                                        String requestId) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:utility-ledger:problem:" + code.toLowerCase().replace('_', '-')));
        HttpStatus known = HttpStatus.resolve(status.value());
        problem.setTitle(known == null ? "Error" : known.getReasonPhrase());
        problem.setProperty("code", code);
        if (errors != null && !errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        if (requestId != null) {
            problem.setProperty("requestId", requestId);
        }
        return problem;
    }
}
