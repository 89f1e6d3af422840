package ru.utility.ledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.BadCredentialsException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A form login's failure handler: refusals by the limiter become 429 problems, the rest go where they went. */
class SignInRefusalHandlerTest {

    /** As the application's JsonMapper writes problems: their extension members at the top level. */
    final JsonMapper json = JsonMapper.builder().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build();
    final SignInRefusalHandler handler = new SignInRefusalHandler(json,
            (request, response, e) -> response.sendRedirect("/console/login?error"));

    @Test
    void aRefusedSignInIs429WithRetryAfterAsAProblem() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        handler.onAuthenticationFailure(new MockHttpServletRequest("POST", "/console/login"), response,
                new SignInRefusedException(Duration.ofMillis(17_200)));
        assertThat(response.getStatus()).isEqualTo(429);
        assertThat(response.getHeader("Retry-After")).isEqualTo("18");
        assertThat(response.getContentType()).startsWith("application/problem+json");
        JsonNode problem = json.readTree(response.getContentAsString());
        assertThat(problem.path("code").asString()).isEqualTo("TOO_MANY_SIGN_INS");
        assertThat(problem.path("status").asInt()).isEqualTo(429);
        assertThat(problem.path("instance").asString()).isEqualTo("/console/login");
    }

    @Test
    void aWrongPasswordGoesToTheFormsOwnHandler() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        handler.onAuthenticationFailure(new MockHttpServletRequest("POST", "/console/login"), response,
                new BadCredentialsException("Bad credentials"));
        assertThat(response.getRedirectedUrl()).isEqualTo("/console/login?error");
    }
}
