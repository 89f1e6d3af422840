package ru.utility.ledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import ru.utility.ledger.api.support.LedgerIntegrationTest;

/**
 * Failed sign-ins are rate-limited per user name and per client address (issue 15: forty wrong passwords all
 * got 401). Defaults: 10 failures per name, 50 per address, refilling over 15 minutes. Each case signs in from
 * its own loopback address (127.0.0.x) and with made-up names, so the suite's users and address stay free.
 */
@LedgerIntegrationTest
class SignInLimitTest {

    @LocalServerPort
    int port;

    @Test
    void fortyWrongPasswordsForOneNameFromManyAddressesEndIn429WithRetryAfter() throws Exception {
        String name = "victim-" + UUID.randomUUID();
        int unauthorised = 0;
        HttpResponse<String> refused = null;
        for (int i = 0; i < 40 && refused == null; i++) {
            HttpResponse<String> answer = get("127.0.1." + (i + 1), name, "guess-" + i);
            if (answer.statusCode() == 401) {
                unauthorised++;
            } else {
                refused = answer;
            }
        }
        // The allowance refills evenly (one every 90 s per name), so a slow run may get one attempt more.
        assertThat(unauthorised).isBetween(10, 11);
        assertTooMany(refused);
        // The name stays refused whatever the password and the address; other names are not.
        assertTooMany(get("127.0.1.99", name, "another-guess"));
        assertThat(get("127.0.1.99", "finance", "finance").statusCode()).isEqualTo(200);
    }

    @Test
    void fiftyFailuresFromOneAddressRefuseItWhateverTheNameWhileOtherAddressesSignIn() throws Exception {
        String address = "127.0.2.1";
        int unauthorised = 0;
        HttpResponse<String> refused = null;
        for (int i = 0; i < 60 && refused == null; i++) {
            HttpResponse<String> answer = get(address, "sprayed-" + UUID.randomUUID(), "password1");
            if (answer.statusCode() == 401) {
                unauthorised++;
            } else {
                refused = answer;
            }
        }
        // One attempt refills every 18 s per address; bcrypt makes each attempt take a while on a busy machine.
        assertThat(unauthorised).isBetween(50, 53);
        assertTooMany(refused);
        // Right credentials from that address are refused too: the address is out of attempts.
        assertTooMany(get(address, "auditor", "auditor"));
        assertThat(get("127.0.2.2", "auditor", "auditor").statusCode()).isEqualTo(200);
    }

    private static void assertTooMany(HttpResponse<String> answer) {
        assertThat(answer).isNotNull();
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(429);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        long retryAfter = Long.parseLong(answer.headers().firstValue("Retry-After").orElseThrow());
        // One token refills in window / allowance: 15 min / 10 = 90 s per name, 15 min / 50 = 18 s per address.
        assertThat(retryAfter).isBetween(1L, 90L);
        JsonNode problem = JsonMapper.builder().build().readTree(answer.body());
        assertThat(problem.path("code").asString()).isEqualTo("TOO_MANY_SIGN_INS");
        assertThat(problem.path("status").asInt()).isEqualTo(429);
    }

    private HttpResponse<String> get(String fromAddress, String user, String password) throws Exception {
        HttpClient client = HttpClient.newBuilder().localAddress(InetAddress.getByName(fromAddress)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/overdue?limit=1"))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
