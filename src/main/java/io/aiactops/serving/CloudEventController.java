package io.aiactops.serving;

import java.util.List;
import java.util.Map;

import io.aiactops.platform.security.ApiAccess;
import io.aiactops.platform.security.ApiAccessRules;
import io.aiactops.platform.security.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/systems/{id}/cloudevents}: CloudEvents 1.0 over HTTP in binary, structured or batch
 * mode; 200 once committed, since KServe's logger takes any other status for an error and never retries.
 */
@RestController
@Tag(name = "Serving", description = "Inference logs from the serving stack: CloudEvents, KServe's inference logger")
class CloudEventController {

    private final CloudEventReader reader;
    private final CloudEventIntake intake;

    CloudEventController(CloudEventReader reader, CloudEventIntake intake) {
        this.reader = reader;
        this.intake = intake;
    }

    @PostMapping(path = "/api/systems/{id}/cloudevents")
    @Operation(operationId = "receiveCloudEvents",
            summary = "Receive CloudEvents 1.0 (binary, structured or batch mode); 200 once committed",
            description = "KServe's inference request and response with the same ce-id become one inference event; "
                    + "other types become custom events. See docs/integrations.md.",
            parameters = {
                    @Parameter(in = ParameterIn.HEADER, name = "ce-specversion", description = "Binary mode: 1.0",
                            example = "1.0"),
                    @Parameter(in = ParameterIn.HEADER, name = "ce-id", description = "Binary mode: the event id",
                            example = "5f1e7c2a-9c61-4c8e-9d8e-0d0c6b1c2f11"),
                    @Parameter(in = ParameterIn.HEADER, name = "ce-source", description = "Binary mode: the source",
                            example = "http://localhost:9081/"),
                    @Parameter(in = ParameterIn.HEADER, name = "ce-type", description = "Binary mode: the type",
                            example = "org.kubeflow.serving.inference.request") },
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
                    @Content(mediaType = "application/json", schema = @Schema(type = "object",
                            description = "Binary mode: the event's data; its attributes are ce-* headers"),
                            examples = @ExampleObject(name = "kserve-request", summary = "KServe's inference request",
                                    value = """
                                            {"instances": [[6.8, 2.8, 4.8, 1.4]]}
                                            """)),
                    @Content(mediaType = "application/cloudevents+json", schema = @Schema(type = "object",
                            description = "Structured mode: one CloudEvent"),
                            examples = @ExampleObject(name = "structured", summary = "One event, structured", value = """
                                    {"specversion": "1.0", "id": "b7f8-42", "source": "urn:example:feature-store",
                                     "type": "com.example.features.refreshed", "datacontenttype": "application/json",
                                     "data": {"table": "applicants"}}
                                    """)),
                    @Content(mediaType = "application/cloudevents-batch+json", schema = @Schema(type = "array",
                            description = "Batch mode: an array of structured CloudEvents")) }))
    @ApiResponse(responseCode = "200", description = "Committed; each event's outcome in request order.")
    @ApiResponse(responseCode = "400", description = "A required attribute is missing or invalid, or data is not JSON.")
    @ApiResponse(responseCode = "413", description = "The body is over the size limit.")
    Map<String, Object> receive(@PathVariable String id, @RequestHeader HttpHeaders headers,
            @RequestBody(required = false) byte[] body, Authentication caller) {
        List<CloudEventIntake.Result> results = intake.accept(id, caller.getName(), reader.read(headers, body));
        return Map.of("events", results.stream().map(r -> {
            Map<String, Object> result = new java.util.LinkedHashMap<>();
            result.put("index", r.index());
            result.put("id", r.id());
            result.put("type", r.type());
            result.put("outcome", r.outcome().wireName());
            result.put("seq", r.seq());
            return result;
        }).toList());
    }

    @Component
    static class AccessRules implements ApiAccessRules {
        @Override
        public void declare(ApiAccess access) {
            access.allow(HttpMethod.POST, "/api/systems/*/cloudevents", Roles.INGEST);
        }
    }
}
