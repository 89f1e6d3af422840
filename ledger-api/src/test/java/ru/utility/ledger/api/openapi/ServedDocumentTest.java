package ru.utility.ledger.api.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import ru.utility.ledger.api.support.Api;
import ru.utility.ledger.api.support.LedgerIntegrationTest;

/**
 * The OpenAPI document the ledger serves is committed as docs/reference/openapi.json: the client generator and the
 * linter of ledger-client-it read that file, so it must stay what the application serves. After a change to
 * the API, rewrite it with {@code -Dledger.openapi.write=true} and review the diff.
 */
@LedgerIntegrationTest
class ServedDocumentTest {

    /** Keys sorted, two-space indent, one trailing newline: a stable text whatever order the server wrote. */
    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    @LocalServerPort
    int port;

    @Test
    void theCommittedDocumentIsTheServedOne() throws IOException {
        Api.Response served = new Api(port).get("/v3/api-docs", null);
        assertThat(served.status()).as(served.toString()).isEqualTo(200);
        String document = canonical(served.body());
        Path committed = Path.of(System.getProperty("basedir", "."), "..", "docs", "reference", "openapi.json").normalize();

        if (Boolean.getBoolean("ledger.openapi.write")) {
            Files.writeString(committed, document, StandardCharsets.UTF_8);
        }
        assertThat(committed).as("docs/reference/openapi.json; write it with -Dledger.openapi.write=true").exists();
        assertThat(Files.readString(committed, StandardCharsets.UTF_8))
                .as("docs/reference/openapi.json differs from the served /v3/api-docs; rewrite it with "
                        + "-Dledger.openapi.write=true and review the diff")
                .isEqualTo(document);
    }

    private static String canonical(String json) {
        Object tree = CANONICAL.readValue(json, Object.class);
        return CANONICAL.writeValueAsString(tree) + "\n";
    }
}
