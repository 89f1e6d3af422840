package ru.utility.ledger.api.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Puts the RFC 9457 problem document (ProblemResponses: type, title, status, detail, instance and the ledger's
 * code, errors and requestId) on every error answer an operation can give: bad input (400) where it takes input,
 * sign-in (401, 403, 429) everywhere, unknown resources (404) under a path variable, state rules (409, 422),
 * body limits (413) and content types (415) on writes, and 500 and 503 (the database did not confirm).
 * Responses an operation declares itself keep their description.
 */
final class ProblemResponsesCustomizer implements OpenApiCustomizer {

    static final String PROBLEM = "Problem";
    static final String FIELD_ERROR = "FieldError";
    static final String PROBLEM_JSON = "application/problem+json";

    @Override
    public void customise(OpenAPI openApi) {
        openApi.getComponents().addSchemas(PROBLEM, problemSchema()).addSchemas(FIELD_ERROR, fieldErrorSchema());
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, operation) -> addProblems(path, method, operation)));
    }

    private static void addProblems(String path, PathItem.HttpMethod method, Operation operation) {
        boolean write = method != PathItem.HttpMethod.GET;
        boolean body = operation.getRequestBody() != null;
        boolean input = body || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        Map<String, String> errors = new LinkedHashMap<>();
        if (input) {
            errors.put("400", "Invalid input: the problem's errors name each field and the reason");
        }
        errors.put("401", "Not signed in, or a wrong name, password or token");
        errors.put("403", "The user's roles do not allow this operation");
        if (path.contains("{")) {
            errors.put("404", "No such resource (the problem's code says which: UNKNOWN_ACCOUNT, ...)");
        }
        if (write) {
            errors.put("409", "A conflict with the ledger's state or an earlier request with the same id");
        }
        if (body) {
            errors.put("413", "The request body is larger than the ledger accepts");
        }
        if (write) {
            errors.put("415", "A write without a JSON (uploads: CSV) Content-Type (CONTENT_TYPE_REQUIRED)");
            errors.put("422", "The request breaks a business rule (the problem's code names it)");
        }
        errors.put("429", "Too many failed sign-ins from this name or address: retry after Retry-After seconds");
        errors.put("500", "An unexpected failure; the problem carries the request id to quote");
        errors.put("503", "The database did not confirm the request (STORE_UNAVAILABLE): repeat it after "
                + "Retry-After; writes are idempotent");
        ApiResponses responses = operation.getResponses();
        errors.forEach((status, description) -> {
            ApiResponse response = responses.get(status);
            if (response == null) {
                responses.addApiResponse(status, new ApiResponse().description(description).content(problem()));
            } else if (response.getContent() == null || response.getContent().isEmpty()) {
                response.setContent(problem());
            }
        });
    }

    private static Content problem() {
        return new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)));
    }

    private static Schema<?> problemSchema() {
        Schema<?> schema = new ObjectSchema()
                .description("An RFC 9457 problem document with the ledger's extension members")
                .addProperty("type", new StringSchema().format("uri")
                        .description("urn:utility-ledger:problem: and the code in lower case with dashes")
                        .example("urn:utility-ledger:problem:invalid-request"))
                .addProperty("title", new StringSchema().description("The HTTP status's reason phrase")
                        .example("Bad Request"))
                .addProperty("status", new IntegerSchema().format("int32").minimum(java.math.BigDecimal.valueOf(400))
                        .maximum(java.math.BigDecimal.valueOf(599)).example(400))
                .addProperty("detail", new StringSchema().description("What went wrong, for a person")
                        .example("The request has invalid fields"))
                .addProperty("instance", new StringSchema().format("uri-reference")
                        .description("The request's path").example("/api/v1/accounts/77-0001-2345/payments"))
                .addProperty("code", new StringSchema()
                        .description("A stable machine-readable code; docs/reference/api.md lists them")
                        .example("INVALID_REQUEST"))
                .addProperty("errors", new ArraySchema()
                        .items(new Schema<>().$ref("#/components/schemas/" + FIELD_ERROR))
                        .description("One entry per invalid field (bad input only)"))
                .addProperty("requestId", new StringSchema()
                        .description("The request's id (X-Request-Id), also in the ledger's log")
                        .example("5f0c1d2e-8a4b-4c3d-9e2f-1a2b3c4d5e6f"));
        schema.setRequired(List.of("type", "title", "status", "code"));
        return schema;
    }

    private static Schema<?> fieldErrorSchema() {
        Schema<?> schema = new ObjectSchema()
                .description("One invalid input field and why")
                .addProperty("field", new StringSchema().description("The field's name as sent").example("amount"))
                .addProperty("reason", new StringSchema().description("Why it was refused")
                        .example("at most 2 decimal places"));
        schema.setRequired(List.of("field", "reason"));
        return schema;
    }
}
