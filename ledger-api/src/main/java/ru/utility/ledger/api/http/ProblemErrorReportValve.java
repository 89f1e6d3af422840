package ru.utility.ledger.api.http;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's last word on an error nobody else answered: a problem document instead of Tomcat's HTML page. It
 * answers the requests Tomcat refuses before any application code runs (an encoded NUL, slash or backslash in
 * the path, a path that is not UTF-8), which Spring's error handling never sees.
 */
public final class ProblemErrorReportValve extends ErrorReportValve {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public ProblemErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String code = status == 400 ? "MALFORMED_REQUEST" : known == null ? "ERROR" : known.name();
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "urn:utility-ledger:problem:" + code.toLowerCase().replace('_', '-'));
        problem.put("title", known == null ? "Error" : known.getReasonPhrase());
        problem.put("status", status);
        problem.put("detail", status == 400
                ? "The request line cannot be accepted: its path or query holds an encoded NUL, slash or backslash, "
                        + "or bytes that are not UTF-8."
                : "The request cannot be answered (" + status + ").");
        problem.put("code", code);
        try {
            response.resetBuffer();
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(JSON.writeValueAsString(problem));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The connection is gone or the response was committed meanwhile: nothing more can be said.
        }
    }
}
