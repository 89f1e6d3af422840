package ru.utility.ledger.api.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import tools.jackson.databind.JsonNode;

/** File uploads and job polling for bulk job tests, as an operator's script would do them. */
public final class Uploads {

    private Uploads() {
    }

    public static HttpResponse<String> upload(int port, String path, byte[] body, String contentType) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", contentType)
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("operator:operator".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    public static JsonNode awaitCompleted(Api api, String location) {
        return await().atMost(Duration.ofSeconds(120)).until(() -> api.get(location, "operator").json(),
                job -> job.get("state").asText().equals("COMPLETED"));
    }

    public static String balance(Api api, String account) {
        return await().atMost(Duration.ofSeconds(30)).until(
                () -> api.get("/api/v1/accounts/" + account + "/balance", "finance"),
                r -> r.status() == 200).json().get("balance").asText();
    }

    /** The projection follows the job's commits: wait until it shows the expected balance. */
    public static void awaitBalance(Api api, String account, String expected) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(balance(api, account))
                .isEqualTo(expected));
    }

    public static String open(Api api) {
        String account = Api.newAccountId();
        assertThat(api.post("/api/v1/accounts", "operator", """
                {"accountId": "%s", "holderName": "Bulk", "regionCode": "77", "openedOn": "2026-01-10"}"""
                .formatted(account)).status()).isEqualTo(201);
        return account;
    }
}
