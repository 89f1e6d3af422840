package ru.utility.ledger.api.openapi;

import java.util.List;

import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.AnchorLogId;
import ru.utility.ledger.core.api.BillingPeriod;
import ru.utility.ledger.core.api.ChargeId;
import ru.utility.ledger.core.api.CorrectionId;
import ru.utility.ledger.core.api.DeferralId;
import ru.utility.ledger.core.api.EnergyKwh;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.PaymentId;
import ru.utility.ledger.core.api.PlanId;
import ru.utility.ledger.core.api.ProgramId;
import ru.utility.ledger.core.api.RegionCode;

/**
 * The served OpenAPI document (/v3/api-docs), shaped for client generators: value types as strings with their
 * patterns, enums as named components (an inline enum inside an array generates a mis-typed Java field), event
 * payloads as free-form objects (Jackson's JsonNode must not leak in as a schema: a generated Java client would
 * get a JsonNode class of its own clashing with Jackson's), both sign-ins as security schemes, and the problem
 * document on every error response ({@link ProblemResponsesCustomizer}). docs/reference/openapi.json is this document,
 * committed and checked against the served one.
 */
@Configuration
public class OpenApiConfiguration {

    static final String BASIC = "basic";
    static final String BEARER = "bearer";

    static {
        // One component per enum, referenced wherever it is used (request fields, arrays, response fields).
        ModelResolver.enumsAsRef = true;
        SpringDocUtils config = SpringDocUtils.getConfig();
        // Patterns as the value types' constructors check them (ledger-core/.../core/api).
        config.replaceWithSchema(AccountId.class, text("^[A-Z0-9-]{4,32}$", "77-0001-2345",
                "Personal account number"));
        config.replaceWithSchema(RegionCode.class, text("^(0[1-9]|[1-9][0-9])$", "77", "Two-digit region code"));
        config.replaceWithSchema(BillingPeriod.class, text("^[0-9]{4}-(0[1-9]|1[0-2])$", "2026-10",
                "Billing period, year and month"));
        config.replaceWithSchema(Money.class, text("^-?[0-9]+\\.[0-9]{2}$", "1234.50",
                "Amount in roubles with two decimals (negative: a credit or a decrease)"));
        config.replaceWithSchema(EnergyKwh.class, text("^[0-9]+(\\.[0-9]+)?$", "250.5", "Energy in kWh"));
        config.replaceWithSchema(ChargeId.class, text("^[A-Za-z0-9._:-]{1,64}$", "ENERGY-2026-10", "Charge id"));
        config.replaceWithSchema(PaymentId.class, text("^[A-Za-z0-9._:/-]{1,64}$", "SBP-20261105-000123",
                "The payment's reference from its sender"));
        config.replaceWithSchema(ProgramId.class, text("^[A-Z0-9-]{3,32}$", "PENSIONERS-30", "Relief programme id"));
        config.replaceWithSchema(DeferralId.class, text("^[A-Za-z0-9._:-]{1,64}$",
                "DEFERRAL-2026-11-001", "Deferral id"));
        config.replaceWithSchema(PlanId.class, text("^[A-Za-z0-9._-]{1,40}$",
                "PLAN-2026-11-001", "Installment plan id"));
        config.replaceWithSchema(CorrectionId.class, text("^[A-Za-z0-9._-]{1,64}$",
                "RECALC-2026-11-0001", "Correction id"));
        config.replaceWithSchema(AnchorLogId.class, text("^[A-Z0-9-]{3,32}$", "CHAINS", "The log of chain anchors"));
        config.replaceWithSchema(tools.jackson.databind.JsonNode.class, new ObjectSchema()
                .additionalProperties(true)
                .description("The event's payload as stored: a JSON object whose members depend on the event type"));
        // Streamed bodies: their media types (CSV, JSON lines, event streams) are declared on the operations.
        config.replaceWithSchema(StreamingResponseBody.class, new StringSchema().format("binary"));
        config.replaceWithSchema(SseEmitter.class, new StringSchema()
                .description("Server-Sent Events: id (feed position), event (type) and data (the event as JSON)"));
    }

    @Bean
    OpenAPI ledgerOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Utility Ledger API").version("v1")
                        .description("Payments and debt ledger of an electricity retailer. Errors are RFC 9457 "
                                + "problem documents (application/problem+json) naming the field and the reason; "
                                + "docs/reference/api.md has every rule and error code."))
                // Relative: the document serves whatever host a client reached it on.
                .servers(List.of(new Server().url("/").description("This ledger")))
                .components(new Components()
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("basic").description("A ledger user's name and password"))
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT")
                                .description("A JWT from the configured issuer; roles in the roles claim "
                                        + "(ledger.security.jwt.roles-claim)")))
                // Either scheme signs a request in.
                .addSecurityItem(new SecurityRequirement().addList(BASIC))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    @Bean
    OpenApiCustomizer problemResponses() {
        return new ProblemResponsesCustomizer();
    }

    @Bean
    OpenApiCustomizer parameterFormats() {
        return new ParameterFormatsCustomizer();
    }

    /** The feed event's data is raw JSON written into the envelope (FeedEvent's @JsonRawValue), not a string. */
    @Bean
    OpenApiCustomizer feedEventData() {
        return openApi -> {
            Schema<?> event = openApi.getComponents().getSchemas().get("FeedEvent");
            if (event == null || !event.getProperties().containsKey("data")) {
                throw new IllegalStateException("FeedEvent with its data is no longer in the API document");
            }
            event.getProperties().put("data", new ObjectSchema().additionalProperties(true)
                    .description("The event type's data in its version (docs/reference/events.md)"));
        };
    }

    private static Schema<String> text(String pattern, String example, String description) {
        StringSchema schema = new StringSchema();
        schema.setPattern(pattern);
        schema.setExample(example);
        schema.setDescription(description);
        return schema;
    }
}
