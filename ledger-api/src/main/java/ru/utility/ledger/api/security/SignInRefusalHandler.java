package ru.utility.ledger.api.security;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import tools.jackson.databind.json.JsonMapper;

import ru.utility.ledger.api.http.ProblemResponses;
import ru.utility.ledger.api.http.RequestIdFilter;

/**
 * The answer to a sign-in that {@link SignInLimiter} refused: 429 with Retry-After, as a problem document. A
 * form login uses it as its failure handler, giving the handler for every other failure (typically a redirect
 * back to the login page); the limiter itself already runs for it, inside the application's one
 * AuthenticationProvider. HTTP Basic answers through the same {@link #write}.
 */
public final class SignInRefusalHandler implements AuthenticationFailureHandler {

    private final JsonMapper json;
    private final AuthenticationFailureHandler otherwise;

    public SignInRefusalHandler(JsonMapper json, AuthenticationFailureHandler otherwise) {
        this.json = json;
        this.otherwise = otherwise;
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException e) throws IOException, ServletException {
        if (e instanceof SignInRefusedException refused) {
            write(json, request, response, refused);
        } else {
            otherwise.onAuthenticationFailure(request, response, e);
        }
    }

    static void write(JsonMapper json, HttpServletRequest request, HttpServletResponse response,
                      SignInRefusedException refused) throws IOException {
        ProblemDetail problem = ProblemResponses.problem(HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_SIGN_INS",
                refused.getMessage(), List.of(), RequestIdFilter.requestId(request));
        try {
            problem.setInstance(URI.create(request.getRequestURI()));
        } catch (IllegalArgumentException e) {
            // Not a valid URI: the problem goes without its instance.
        }
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader("Retry-After", Long.toString(SignInRefusedException.retryAfterSeconds(refused.retryAfter())));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
