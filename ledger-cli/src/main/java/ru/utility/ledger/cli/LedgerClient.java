package ru.utility.ledger.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ledger's HTTP API as the tool uses it: JSON in and out, files up, CSV down as a stream. Every answer other
 * than 2xx becomes a {@link LedgerException.Refused} carrying the problem document; no answer at all becomes
 * {@link LedgerException.Unreachable}.
 */
final class LedgerClient {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;
    private final URI base;
    private final String authorization;

    LedgerClient(URI base, String authorization) {
        this.base = base;
        this.authorization = authorization;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** A JSON answer and its status (an upload answers 202 for a new job, 200 for a file sent before). */
    record Json(int status, JsonNode body) {
    }

    /** A read answers at once or not at all: past this a poll counts as unanswered (and is asked again). */
    static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    JsonNode getJson(String path, Map<String, String> query) {
        return sendJson(request(path, query).GET().header("Accept", "application/json").timeout(READ_TIMEOUT))
                .body();
    }

    Json postJson(String path, Object body) {
        String text = JSON.writeValueAsString(body);
        return sendJson(request(path, Map.of()).header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8)));
    }

    Json postFile(String path, Map<String, String> query, Path file, String contentType) {
        HttpRequest.BodyPublisher body;
        try {
            body = HttpRequest.BodyPublishers.ofFile(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return sendJson(request(path, query).header("Content-Type", contentType)
                .header("Accept", "application/json").POST(body));
    }

    /** The answer's body as a stream for the caller to copy; only called for a 2xx answer. */
    interface BodyReader {
        void read(InputStream body) throws IOException;
    }

    /** GETs a download and hands its body to {@code reader} as it arrives: exports are never held in memory. */
    void download(String path, Map<String, String> query, String accept, BodyReader reader) {
        HttpRequest request = request(path, query).GET().header("Accept", accept + ", application/problem+json")
                .build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() / 100 != 2) {
                    throw refused(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                            new String(body.readAllBytes(), StandardCharsets.UTF_8));
                }
                reader.read(body);
            }
        } catch (IOException e) {
            throw unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LedgerException.Unreachable("interrupted", e);
        }
    }

    private Json sendJson(HttpRequest.Builder request) {
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LedgerException.Unreachable("interrupted", e);
        }
        String contentType = response.headers().firstValue("Content-Type").orElse(null);
        if (response.statusCode() / 100 != 2) {
            throw refused(response.statusCode(), contentType, response.body());
        }
        try {
            return new Json(response.statusCode(), JSON.readTree(response.body()));
        } catch (RuntimeException e) {
            throw new LedgerException.Refused(new Problem(response.statusCode(), "Unexpected answer",
                    "expected JSON from " + base + ", got " + contentType, null, java.util.List.of(), null));
        }
    }

    private HttpRequest.Builder request(String path, Map<String, String> query) {
        StringJoiner parameters = new StringJoiner("&", "?", "").setEmptyValue("");
        query.forEach((name, value) -> {
            if (value != null) {
                parameters.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        String root = base.toString().endsWith("/") ? base.toString().substring(0, base.toString().length() - 1)
                : base.toString();
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(root + path + parameters));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }

    /** A path segment from user input (an account or job id), so that no input can change the path. */
    static String segment(String raw) {
        return URLEncoder.encode(raw, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private LedgerException refused(int status, String contentType, String body) {
        return new LedgerException.Refused(Problem.of(status, contentType, body, JSON));
    }

    private LedgerException unreachable(IOException e) {
        String reason = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
        return new LedgerException.Unreachable("cannot reach the ledger at " + base + " (" + reason + ")", e);
    }
}
