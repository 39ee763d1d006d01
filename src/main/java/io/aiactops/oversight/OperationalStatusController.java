package io.aiactops.oversight;

import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.aiactops.platform.security.ApiAccess;
import io.aiactops.platform.security.ApiAccessRules;
import io.aiactops.platform.security.Roles;
import io.aiactops.platform.web.JsonFields;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The stop button, the status the serving layer polls, and its safe-state confirmation. */
@RestController
@Tag(name = "Oversight", description = "The stop button and the operational status the serving layer polls")
class OperationalStatusController {

    private final SystemStops stops;

    OperationalStatusController(SystemStops stops) {
        this.stops = stops;
    }

    @GetMapping("/api/systems/{id}/operational-status")
    @Operation(operationId = "getOperationalStatus", summary = "Whether the AI system may serve (polled by the serving layer)")
    SystemStops.OperationalStatus status(@PathVariable String id) {
        return stops.status(id);
    }

    @PostMapping(path = "/api/systems/{id}/stop", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "stopAiSystem", summary = "Stop an AI system: it is SUSPENDED when the answer arrives",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(type = "object", description = "`reason` is required, at most 2000 characters"),
                    examples = @ExampleObject(name = "stop", value = """
                            {"reason": "Drift on FR traffic, investigating"}
                            """))))
    SystemStops.OperationalStatus stop(@PathVariable String id, @RequestBody JsonNode body, Authentication caller) {
        JsonFields fields = JsonFields.of(body, "", Set.of("reason"));
        return stops.stop(id, fields.text("reason", true, 2000), caller.getName(), StopOrigin.API);
    }

    @PostMapping("/api/systems/{id}/operational-status/confirmations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "confirmSafeState", summary = "Confirm that the serving layer reached its safe state",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = false, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(type = "object", description = "Optional `detail`, at most 2000 characters"),
                    examples = @ExampleObject(name = "confirmation", value = """
                            {"detail": "Requests refused since 10:02:14; cases go to the manual process"}
                            """))))
    Map<String, Object> confirm(@PathVariable String id, @RequestBody(required = false) JsonNode body,
            Authentication caller) {
        JsonNode confirmation = body == null ? MissingNode.getInstance() : body;
        String detail = confirmation.isMissingNode() ? null
                : JsonFields.of(confirmation, "", Set.of("detail")).text("detail", false, 2000);
        return stops.confirmSafeState(id, caller.getName(), detail);
    }

    @Component
    static class AccessRules implements ApiAccessRules {
        @Override
        public void declare(ApiAccess access) {
            access.allow(HttpMethod.GET, "/api/systems/*/operational-status", Roles.INGEST, Roles.OVERSEERS,
                            Roles.PROCESS_OWNERS, Roles.INCIDENT_MANAGERS, Roles.AUDITORS)
                    .allow(HttpMethod.POST, "/api/systems/*/stop", Roles.OVERSEERS, Roles.PROCESS_OWNERS)
                    .allow(HttpMethod.POST, "/api/systems/*/operational-status/confirmations", Roles.INGEST,
                            Roles.PROCESS_OWNERS);
        }
    }
}
