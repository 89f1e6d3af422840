package ru.utility.ledger.api.http;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses an Accept header that cannot be parsed, with a problem document. Left to Spring MVC, the same header
 * also stops the error answer from being written, and the client gets an empty 400.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class UnreadableAcceptFilter extends OncePerRequestFilter {

    private final JsonMapper json;

    public UnreadableAcceptFilter(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String accept = request.getHeader("Accept");
        if (accept != null) {
            try {
                MediaType.parseMediaTypes(accept);
            } catch (InvalidMediaTypeException e) {
                ProblemDetail problem = ProblemResponses.problem(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST",
                        "The Accept header cannot be read: " + e.getMessage(),
                        List.of(new FieldError("Accept", "is not a list of media types")),
                        RequestIdFilter.requestId(request));
                response.setStatus(HttpStatus.BAD_REQUEST.value());
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                json.writeValue(response.getOutputStream(), problem);
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
