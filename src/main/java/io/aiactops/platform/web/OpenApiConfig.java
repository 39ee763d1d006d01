package io.aiactops.platform.web;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of /api (served at /v3/api-docs, checked in as docs/openapi.yaml): both
 * ways to authenticate, and the problem+json of {@link ProblemDetailsAdvice} on every error response.
 */
@Configuration
class OpenApiConfig {

    private static final String PROBLEM = "Problem";
    private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;
    private static final String BASIC = "basicAuth";
    private static final String BEARER = "bearerToken";

    @Bean
    OpenAPI aiactOpsOpenApi(ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        return new OpenAPI()
                .info(new Info().title("aiact-ops")
                        .version(properties == null ? "dev" : properties.getVersion())
                        .description("The JSON API of aiact-ops: the register of high-risk AI systems and their"
                                + " model versions, the log register (Arts. 12, 19, 26(6) of the EU AI Act),"
                                + " monitoring signals and Alertmanager alerts, the stop button and operational"
                                + " status (Art. 14), evidence holds and API tokens. Every error is RFC 9457"
                                + " application/problem+json."))
                // A relative server: the document is the same whatever host and port serve it.
                .servers(List.of(new Server().url("/")))
                .components(new Components()
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("A user of the identity service (people and machine clients)."))
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .bearerFormat("aiact_...")
                                .description("An API token from POST /api/tokens, revocable with DELETE /api/tokens/{id}.")))
                // Either scheme: two requirements, not one with both.
                .addSecurityItem(new SecurityRequirement().addList(BASIC))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    /**
     * The error responses each operation can give, all as problem+json, unless the operation declares
     * them. The Problem schema is added here, not in the bean above: springdoc drops schemas that no
     * operation references before customizers run.
     */
    @Bean
    OpenApiCustomizer problemResponses() {
        return openApi -> {
            openApi.getComponents().addSchemas(PROBLEM, problemSchema());
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                    addProblemResponses(path, method, operation)));
            // Tags come in the order springdoc met the controllers; sorted, the document is stable.
            if (openApi.getTags() != null) {
                openApi.getTags().sort(Comparator.comparing(Tag::getName));
            }
        };
    }

    private static void addProblemResponses(String path, PathItem.HttpMethod method, Operation operation) {
        Map<String, String> errors = new TreeMap<>();
        if (hasInput(operation)) {
            errors.put("400", "Invalid request: `field` names the first invalid field, `errors` lists all of them.");
        }
        errors.put("401", "No credentials, or wrong ones.");
        errors.put("403", "The caller's groups do not allow this operation.");
        if (path.contains("{id}")) {
            errors.put("404", "No such resource.");
        }
        if (method != PathItem.HttpMethod.GET && !path.startsWith("/api/tokens")) {
            errors.put("409", "The resource's state does not allow this (e.g. the AI system is withdrawn).");
        }
        if (operation.getRequestBody() != null) {
            errors.put("415", "The Content-Type is not one of those listed for the request body.");
        }
        errors.put("503", "The database is unavailable; nothing was stored. Retry after `Retry-After` seconds.");
        ApiResponses responses = operation.getResponses();
        errors.forEach((status, description) -> responses.putIfAbsent(status, new ApiResponse().description(description)));
        responses.forEach((status, response) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
                response.setContent(new Content().addMediaType(
                        org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                        new MediaType().schema(new Schema<>().$ref(PROBLEM_REF))));
            }
        });
    }

    private static boolean hasInput(Operation operation) {
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        return operation.getRequestBody() != null || parameters.stream()
                .anyMatch(p -> "query".equals(p.getIn()) || p.getSchema() == null || !"string".equals(p.getSchema().getType()));
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        Schema<?> fieldError = new ObjectSchema()
                .addProperty("field", new StringSchema().example("deployers[1].email"))
                .addProperty("message", new StringSchema().example("must be a well-formed email address"))
                .required(List.of("field", "message"));
        return new ObjectSchema()
                .description("RFC 9457 problem details. A 4xx caused by the request names the first invalid field in"
                        + " `field` and lists every one in `errors`; a 5xx never carries a stack trace.")
                .addProperty("type", new StringSchema().format("uri-reference").example("about:blank"))
                .addProperty("title", new StringSchema().example("Invalid request"))
                .addProperty("status", new IntegerSchema().example(400))
                .addProperty("detail", new StringSchema().example("deployers[1].email: must be a well-formed email address"))
                .addProperty("instance", new StringSchema().format("uri-reference").example("/api/systems"))
                .addProperty("field", new StringSchema()
                        .description("The first invalid field: a path into the body such as `deployers[1].email`,"
                                + " `[2].value` inside an array, `$` for the body as a whole, or a parameter or"
                                + " header name.")
                        .example("deployers[1].email"))
                .addProperty("errors", new ArraySchema().items(fieldError)
                        .description("Every invalid field, sorted by field."))
                .required(List.of("status", "title"));
    }
}
