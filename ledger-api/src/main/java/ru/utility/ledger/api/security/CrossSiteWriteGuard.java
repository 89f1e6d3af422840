package ru.utility.ledger.api.security;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

import ru.utility.ledger.api.http.FieldError;
import ru.utility.ledger.api.http.ProblemResponses;
import ru.utility.ledger.api.http.RequestIdFilter;

/**
 * The API's CSRF defence without sessions or tokens: a write (POST, PUT, PATCH, DELETE) must name a Content-Type
 * that a cross-site page cannot send without the browser asking first (a CORS preflight, which this API never
 * grants): {@code application/json}, or {@code text/csv} for uploads. An HTML form can only send
 * {@code application/x-www-form-urlencoded}, {@code multipart/form-data} or {@code text/plain}, and a script's
 * "simple" request the same three or none at all; all of those are refused with 415, body-less writes (closures,
 * runs, replays) included, before any credentials are looked at.
 */
final class CrossSiteWriteGuard extends OncePerRequestFilter {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final List<MediaType> SIMPLE = List.of(MediaType.APPLICATION_FORM_URLENCODED,
            MediaType.MULTIPART_FORM_DATA, MediaType.TEXT_PLAIN);

    private final JsonMapper json;

    CrossSiteWriteGuard(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (WRITES.contains(request.getMethod()) && !declaresNonSimpleType(request.getContentType())) {
            ProblemDetail problem = ProblemResponses.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "CONTENT_TYPE_REQUIRED",
                    "A write must declare Content-Type: application/json (text/csv for uploads), even without a "
                            + "body; form and plain-text submissions are refused so that no other site can post here.",
                    List.of(new FieldError("Content-Type", request.getContentType() == null ? "is missing"
                            : "must not be a form or plain-text type")),
                    RequestIdFilter.requestId(request));
            response.setStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE.value());
            response.setHeader("Accept", "application/json, text/csv");
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), problem);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean declaresNonSimpleType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return SIMPLE.stream().noneMatch(simple -> simple.equalsTypeAndSubtype(type));
        } catch (InvalidMediaTypeException e) {
            // Unreadable: let Spring MVC answer it (415, "could not parse Content-Type").
            return true;
        }
    }
}
