package ru.utility.ledger.api.http;

import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import ru.utility.ledger.core.api.LedgerRuleViolation;

/**
 * Every 4xx as application/problem+json naming the field and the reason; bad input never becomes a 5xx, and a
 * failure never becomes a 2xx.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(InvalidRequestException.class)
    ProblemDetail invalidRequest(InvalidRequestException e, HttpServletRequest request) {
        return problem(request, HttpStatus.BAD_REQUEST, "INVALID_REQUEST", "The request has invalid fields: "
                + e.getMessage(), e.errors());
    }

    @ExceptionHandler(LedgerRuleViolation.class)
    ProblemDetail ruleViolation(LedgerRuleViolation e, HttpServletRequest request) {
        HttpStatus status = HttpStatus.valueOf(e.violationCode().httpStatus());
        List<FieldError> errors = e.field() == null ? List.of() : List.of(new FieldError(e.field(), e.reason()));
        return problem(request, status, e.code(), e.reason(), errors);
    }

    @ExceptionHandler(UnknownAccountException.class)
    ProblemDetail unknownAccount(UnknownAccountException e, HttpServletRequest request) {
        return problem(request, HttpStatus.NOT_FOUND, "UNKNOWN_ACCOUNT", e.getMessage(),
                List.of(new FieldError("accountId", "no such account")));
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail unknownAggregate(AggregateNotFoundException e, HttpServletRequest request) {
        return problem(request, HttpStatus.NOT_FOUND, "UNKNOWN_ACCOUNT",
                "account " + e.getAggregateIdentifier() + " is not known",
                List.of(new FieldError("accountId", "no such account")));
    }

    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail concurrency(ConcurrencyException e, HttpServletRequest request) {
        return problem(request, HttpStatus.CONFLICT, "CONCURRENT_MODIFICATION",
                "the account was changed concurrently too many times; retry the request", List.of());
    }

    /**
     * Everything not refused above is the ledger's own failure and answers a 5xx, never a success: the write
     * may or may not have been recorded, and only a repeat of the same request (writes are idempotent) tells.
     * Left to Spring MVC, an exception whose causes include an EOFException or a "broken pipe" (the database
     * connection dropping while PostgreSQL restarts) is taken for a client that hung up and the request is
     * answered 200 with an empty body, which a client reads as "already recorded" (issue 14).
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> failure(Exception e, HttpServletRequest request, HttpServletResponse response) {
        if (response.isCommitted()) {
            // A streamed answer that broke midway: its status is sent, nothing more can be said.
            log.warn("Request failed after its response was committed: {}", e.toString());
            return null;
        }
        if (StoreFailures.isStoreFailure(e)) {
            log.warn("Request failed on the database; answered 503", e);
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                    .body(problem(request, HttpStatus.SERVICE_UNAVAILABLE, "STORE_UNAVAILABLE",
                            "The database did not confirm the request; it may or may not have been recorded. "
                                    + "Repeat the same request: a recorded write is answered as a repeat.",
                            List.of()));
        }
        log.error("Request failed unexpectedly; answered 500", e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .body(problem(request, HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
                        "The request failed; it may or may not have been recorded. Repeat the same request.",
                        List.of()));
    }

    /**
     * The request firewall checks parameter names only when they are first read (by the controller), and
     * Tomcat parses the query only then too: both refusals arrive here rather than at the firewall's handler.
     */
    @ExceptionHandler({RequestRejectedException.class, InvalidParameterException.class})
    ProblemDetail unreadableRequest(RuntimeException e, HttpServletRequest request) {
        return problem(request, HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST",
                "The request's parameters cannot be read: " + e.getMessage(),
                List.of(new FieldError("query", "holds a parameter that cannot be read")));
    }

    /** Command constructors re-check invariants; reaching this means a field slipped past request parsing. */
    @ExceptionHandler({IllegalArgumentException.class, NullPointerException.class})
    ProblemDetail invalidCommand(RuntimeException e, HttpServletRequest request) {
        log.debug("Command rejected by its constructor", e);
        return problem(request, HttpStatus.BAD_REQUEST, "INVALID_REQUEST", String.valueOf(e.getMessage()), List.of());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        Throwable cause = ex.getMostSpecificCause();
        if (tooLarge(ex) instanceof BodyTooLargeException tooLarge) {
            ProblemDetail body = problem(requestId(request), HttpStatus.CONTENT_TOO_LARGE, "BODY_TOO_LARGE",
                    tooLarge.getMessage(), List.of(new FieldError("body", tooLarge.getMessage())));
            return handleExceptionInternal(ex, body, headers, HttpStatus.CONTENT_TOO_LARGE, request);
        }
        String field = null;
        String reason;
        if (cause instanceof UnrecognizedPropertyException unknown) {
            field = unknown.getPropertyName();
            reason = "is not a known field";
        } else if (cause instanceof JacksonException jackson) {
            field = path(jackson);
            reason = field == null ? "malformed JSON: " + jackson.getOriginalMessage()
                    : "has the wrong type or format";
        } else {
            reason = ex.getMessage() != null && ex.getMessage().startsWith("Required request body")
                    ? "a JSON request body is required" : "the request body cannot be read";
        }
        List<FieldError> errors = List.of(new FieldError(field == null ? "body" : field, reason));
        ProblemDetail body = problem(requestId(request), HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST",
                "The request body is not valid: " + (field == null ? "" : field + " ") + reason, errors);
        return handleExceptionInternal(ex, body, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        if (body == null && ex instanceof ErrorResponse errorResponse) {
            // Spring's own refusals (415, 406, 405...) bring their body only here; give it the ledger's members.
            body = errorResponse.updateAndGetBody(getMessageSource(), LocaleContextHolder.getLocale());
        }
        if (body instanceof ProblemDetail problem
                && (problem.getProperties() == null || !problem.getProperties().containsKey("code"))) {
            problem.setProperty("code", HttpStatus.resolve(statusCode.value()) == null ? "ERROR"
                    : HttpStatus.resolve(statusCode.value()).name());
            String requestId = requestId(request);
            if (requestId != null) {
                problem.setProperty("requestId", requestId);
            }
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    private static Throwable tooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BodyTooLargeException) {
                return t;
            }
        }
        return null;
    }

    private static String path(JacksonException e) {
        if (e.getPath() == null || e.getPath().isEmpty()) {
            return null;
        }
        return e.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static ProblemDetail problem(HttpServletRequest request, HttpStatus status, String code, String detail,
                                         List<FieldError> errors) {
        ProblemDetail problem = ProblemResponses.problem(status, code, detail, errors,
                RequestIdFilter.requestId(request));
        problem.setInstance(URI.create(request.getRequestURI()));
        return problem;
    }

    private static ProblemDetail problem(String requestId, HttpStatus status, String code, String detail,
                                         List<FieldError> errors) {
        return ProblemResponses.problem(status, code, detail, errors, requestId);
    }

    private static String requestId(WebRequest request) {
        if (request instanceof NativeWebRequest nativeRequest
                && nativeRequest.getNativeRequest() instanceof HttpServletRequest servletRequest) {
            return RequestIdFilter.requestId(servletRequest);
        }
        return null;
    }
}
