package ru.utility.ledger.api.ops.projections;

import java.net.URI;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import ru.utility.ledger.api.http.FieldError;
import ru.utility.ledger.api.http.ProblemResponses;
import ru.utility.ledger.api.http.RequestIdFilter;

/**
 * Problems of the operations endpoints, in the same RFC 9457 shape as ProblemHandler's. Asked before
 * ProblemHandler, whose catch-all would otherwise answer these exceptions as 500s (advices without an order
 * are asked in the order their packages are scanned); after the console's own error pages.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE - 1)
public class OperationsProblemHandler {

    @ExceptionHandler(UnknownProjectionException.class)
    ProblemDetail unknownProjection(UnknownProjectionException e, HttpServletRequest request) {
        return problem(request, HttpStatus.NOT_FOUND, "UNKNOWN_PROJECTION", e.getMessage(),
                List.of(new FieldError("name", "no such projection")));
    }

    @ExceptionHandler(ReplayRefusedException.class)
    ProblemDetail replayRefused(ReplayRefusedException e, HttpServletRequest request) {
        return problem(request, HttpStatus.CONFLICT, "REPLAY_REFUSED", e.getMessage(),
                List.of(new FieldError("name", e.getMessage())));
    }

    private static ProblemDetail problem(HttpServletRequest request, HttpStatus status, String code, String detail,
                                         List<FieldError> errors) {
        ProblemDetail problem = ProblemResponses.problem(status, code, detail, errors,
                RequestIdFilter.requestId(request));
        problem.setInstance(URI.create(request.getRequestURI()));
        return problem;
    }
}
