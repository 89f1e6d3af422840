package ru.utility.ledger.api.security;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import tools.jackson.databind.json.JsonMapper;

import ru.utility.ledger.api.http.ProblemResponses;
import ru.utility.ledger.api.http.RequestIdFilter;

/** 401, 403 and the request firewall's 400 as problem documents, like every other error. */
final class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

    private final JsonMapper json;
    private final boolean bearer;

    ProblemSecurityHandlers(JsonMapper json, boolean bearer) {
        this.json = json;
        this.bearer = bearer;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (e instanceof SignInRefusedException refused) {
            SignInRefusalHandler.write(json, request, response, refused);
            return;
        }
        response.setHeader("WWW-Authenticate", "Basic realm=\"utility-ledger\"");
        if (bearer) {
            response.addHeader("WWW-Authenticate", "Bearer");
        }
        write(request, response, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED",
                bearer ? "valid HTTP Basic credentials or a valid bearer token are required"
                        : "valid HTTP Basic credentials are required");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(request, response, HttpStatus.FORBIDDEN, "FORBIDDEN",
                "your role does not allow " + request.getMethod() + " " + request.getRequestURI());
    }

    /** Spring Security's firewall refused the request (an encoded dot segment, a semicolon, "%25" in the path...). */
    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
            throws IOException {
        write(request, response, HttpStatus.BAD_REQUEST, "REQUEST_REJECTED", e.getMessage());
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code,
                       String detail) throws IOException {
        ProblemDetail problem = ProblemResponses.problem(status, code, detail, List.of(),
                response.getHeader(RequestIdFilter.REQUEST_ID_HEADER));
        try {
            problem.setInstance(URI.create(request.getRequestURI()));
        } catch (IllegalArgumentException e) {
            // A path the firewall refused need not be a valid URI: the problem goes without its instance.
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
