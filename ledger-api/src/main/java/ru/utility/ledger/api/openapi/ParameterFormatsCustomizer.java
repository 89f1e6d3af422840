package ru.utility.ledger.api.openapi;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Query and path parameters arrive as strings (so a bad value is a 400 problem naming the parameter, never a
 * binding error), which would leave them untyped in the document. The API names them one way everywhere
 * (docs/reference/api.md, "Values"): from, to and asOf are business dates, knownAt an instant, region a region code,
 * dialect a CSV dialect, accountId an account id. Only a plain string schema is typed here; a parameter that
 * declares its own format, pattern, enum or example keeps it.
 */
final class ParameterFormatsCustomizer implements OpenApiCustomizer {

    private static final Map<String, Consumer<Schema<?>>> FORMATS = Map.of(
            "from", schema -> schema.format("date").example("2026-11-01"),
            "to", schema -> schema.format("date").example("2026-11-30"),
            "asOf", schema -> schema.format("date").example("2026-11-20"),
            "knownAt", schema -> schema.format("date-time").example("2026-11-25T09:00:00Z"),
            "region", schema -> schema.pattern("^(0[1-9]|[1-9][0-9])$").example("77"),
            "accountId", schema -> schema.pattern("^[A-Z0-9-]{4,32}$").example("77-0001-2345"),
            "dialect", schema -> {
                @SuppressWarnings("unchecked")
                Schema<Object> values = (Schema<Object>) schema;
                values.setEnum(List.of("rfc4180", "excel"));
                values.example("rfc4180");
            });

    @Override
    public void customise(OpenAPI openApi) {
        openApi.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
            if (operation.getParameters() == null) {
                return;
            }
            for (Parameter parameter : operation.getParameters()) {
                Schema<?> schema = parameter.getSchema();
                Consumer<Schema<?>> format = FORMATS.get(parameter.getName());
                boolean typedHere = "query".equals(parameter.getIn()) || "path".equals(parameter.getIn());
                if (typedHere && format != null && schema != null
                        && isString(schema) && schema.getFormat() == null
                        && schema.getPattern() == null && schema.getEnum() == null && schema.getExample() == null) {
                    // A schema of its own: springdoc shares one plain string schema among parameters.
                    Schema<?> typed = new StringSchema();
                    typed.setTypes(schema.getTypes());
                    typed.setDescription(schema.getDescription());
                    format.accept(typed);
                    parameter.setSchema(typed);
                }
            }
        }));
    }

    /** OpenAPI 3.1 schemas carry their type in types; 3.0 ones in type. */
    private static boolean isString(Schema<?> schema) {
        return "string".equals(schema.getType())
                || (schema.getTypes() != null && schema.getTypes().equals(java.util.Set.of("string")));
    }
}
