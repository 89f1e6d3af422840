package ru.utility.ledger.clientit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ledger's own rules for its OpenAPI document, beyond what the generator's validation (the lint execution
 * of openapi-generator-maven-plugin's validate goal) checks: what a client generator needs to produce a typed
 * client, and what docs/reference/api.md promises about errors and sign-in.
 */
class OpenApiDocumentRulesTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static final Set<String> TEXT_MEDIA_TYPES = Set.of("text/csv", "text/html", "text/event-stream",
            "application/x-ndjson");
    private static JsonNode document;

    @BeforeAll
    static void read() throws IOException {
        document = new ObjectMapper().readTree(Path.of(System.getProperty("basedir", "."), "..", "docs",
                "reference", "openapi.json").normalize().toFile());
    }

    @Test
    void everyOperationHasAReadableUniqueIdATagAndASummary() {
        List<String> ids = new ArrayList<>();
        List<String> broken = new ArrayList<>();
        operations((where, operation) -> {
            String id = operation.path("operationId").asText("");
            ids.add(id);
            if (!id.matches("[a-z][A-Za-z]+")) {
                broken.add(where + ": operationId '" + id + "' (a verb and a noun, no numbered suffix)");
            }
            if (!operation.path("tags").isArray() || operation.path("tags").isEmpty()
                    || operation.path("tags").get(0).asText().endsWith("-controller")) {
                broken.add(where + ": no tag of its own");
            }
        });
        assertThat(broken).isEmpty();
        assertThat(ids).doesNotHaveDuplicates().hasSizeGreaterThan(50);
    }

    @Test
    void everyErrorResponseIsTheProblemDocument() {
        List<String> broken = new ArrayList<>();
        operations((where, operation) -> {
            for (String status : List.of("401", "403", "429", "500", "503")) {
                if (!operation.path("responses").has(status)) {
                    broken.add(where + ": no " + status);
                }
            }
            if (!where.startsWith("GET ") && !operation.path("responses").has("415")) {
                broken.add(where + ": a write without 415 (CONTENT_TYPE_REQUIRED)");
            }
            operation.path("responses").properties().forEach(response -> {
                if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                    JsonNode schema = response.getValue().path("content").path("application/problem+json")
                            .path("schema");
                    if (!"#/components/schemas/Problem".equals(schema.path("$ref").asText())) {
                        broken.add(where + " " + response.getKey() + ": not application/problem+json Problem");
                    }
                }
            });
        });
        assertThat(broken).isEmpty();
        JsonNode problem = document.path("components").path("schemas").path("Problem").path("properties");
        assertThat(names(problem)).containsExactlyInAnyOrder("type", "title", "status", "detail",
                "instance", "code", "errors", "requestId");
    }

    @Test
    void everySuccessfulJsonAnswerIsATypedSchema() {
        List<String> broken = new ArrayList<>();
        operations((where, operation) -> operation.path("responses").properties().forEach(response -> {
            if (!response.getKey().startsWith("2")) {
                return;
            }
            response.getValue().path("content").properties().forEach(content -> {
                String mediaType = content.getKey();
                JsonNode schema = content.getValue().path("schema");
                if (TEXT_MEDIA_TYPES.contains(mediaType)) {
                    if (!"string".equals(schema.path("type").asText())) {
                        broken.add(where + " " + mediaType + ": a text answer must be a string schema");
                    }
                } else if (!mediaType.equals("application/json")) {
                    broken.add(where + ": media type " + mediaType + " (declare it, never */*)");
                } else if (!typed(schema)) {
                    broken.add(where + ": untyped JSON answer " + schema);
                }
            });
        }));
        assertThat(broken).isEmpty();
    }

    @Test
    void noSchemaLeaksAServerClass() {
        JsonNode schemas = document.path("components").path("schemas");
        assertThat(names(schemas)).doesNotContain("JsonNode", "ObjectNode", "StreamingResponseBody",
                "SseEmitter", "ResponseEntity", "Object");
        List<String> broken = new ArrayList<>();
        schemas.properties().forEach(schema -> schema.getValue().path("properties").properties()
                .forEach(property -> {
                    JsonNode items = property.getValue().path("items");
                    if (items.has("enum")) {
                        broken.add(schema.getKey() + "." + property.getKey()
                                + ": an inline enum in an array (make the enum a component)");
                    }
                }));
        assertThat(broken).isEmpty();
    }

    @Test
    void bothSignInsAreSecuritySchemesAppliedToEveryOperation() {
        JsonNode schemes = document.path("components").path("securitySchemes");
        assertThat(schemes.path("basic").path("scheme").asText()).isEqualTo("basic");
        assertThat(schemes.path("bearer").path("scheme").asText()).isEqualTo("bearer");
        assertThat(schemes.path("bearer").path("bearerFormat").asText()).isEqualTo("JWT");
        List<String> global = new ArrayList<>();
        document.path("security").forEach(requirement -> global.addAll(names(requirement)));
        assertThat(global).containsExactlyInAnyOrder("basic", "bearer");
        List<String> opted = new ArrayList<>();
        operations((where, operation) -> {
            if (operation.has("security")) {
                opted.add(where);
            }
        });
        assertThat(opted).as("operations overriding the global security").isEmpty();
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static boolean typed(JsonNode schema) {
        if (schema.has("$ref")) {
            return true;
        }
        if (schema.has("oneOf")) {
            for (JsonNode option : schema.path("oneOf")) {
                if (!option.has("$ref")) {
                    return false;
                }
            }
            return true;
        }
        return "array".equals(schema.path("type").asText()) && typed(schema.path("items"));
    }

    private static void operations(OperationVisitor visitor) {
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (METHODS.contains(operation.getKey())) {
                    visitor.visit(operation.getKey().toUpperCase() + " " + path.getKey(), operation.getValue());
                }
            }
        }
    }

    @FunctionalInterface
    private interface OperationVisitor {
        void visit(String where, JsonNode operation);
    }
}
