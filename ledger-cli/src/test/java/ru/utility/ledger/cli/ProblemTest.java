package ru.utility.ledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProblemTest {

    @Test
    void aProblemDocumentNamesStatusCodeDetailEveryFieldAndTheRequest() {
        Problem problem = Problem.of(400, "application/problem+json", """
                {"type":"urn:utility-ledger:problem:invalid-request","title":"Bad Request","status":400,
                 "detail":"2 fields are invalid","code":"INVALID_REQUEST","requestId":"r-1",
                 "errors":[{"field":"from","reason":"must be a date (YYYY-MM-DD)"},
                           {"field":"to","reason":"must not be before from"}]}""", LedgerClient.JSON);

        assertThat(problem.describe().lines()).containsExactly(
                "error: 400 Bad Request (INVALID_REQUEST): 2 fields are invalid",
                "  from: must be a date (YYYY-MM-DD)",
                "  to: must not be before from",
                "  request id: r-1");
    }

    @Test
    void anAnswerThatIsNoProblemDocumentIsShownAsItCame() {
        Problem proxy = Problem.of(502, "text/html", "<html>Bad gateway</html>", LedgerClient.JSON);
        assertThat(proxy.describe()).isEqualTo("error: 502: <html>Bad gateway</html>");
        assertThat(new LedgerException.Refused(proxy).exitCode()).isEqualTo(ExitCodes.SERVER_ERROR);
        Problem broken = Problem.of(400, "application/json", "{not json", LedgerClient.JSON);
        assertThat(broken.describe()).isEqualTo("error: 400: {not json");
    }

    @Test
    void signInFailuresHaveTheirOwnExitCode() {
        for (int status : new int[] {401, 403, 429}) {
            assertThat(new LedgerException.Refused(Problem.of(status, null, "", LedgerClient.JSON)).exitCode())
                    .isEqualTo(ExitCodes.AUTH);
        }
        assertThat(new LedgerException.Refused(Problem.of(404, null, "", LedgerClient.JSON)).exitCode())
                .isEqualTo(ExitCodes.REFUSED);
    }
}
