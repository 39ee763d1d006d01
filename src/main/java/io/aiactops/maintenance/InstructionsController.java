package io.aiactops.maintenance;

import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.aiactops.platform.security.ApiAccess;
import io.aiactops.platform.security.ApiAccessRules;
import io.aiactops.platform.security.Roles;
import io.aiactops.platform.web.JsonFields;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
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

/** {@code /api/systems/{id}/instructions}: versioned instructions for use, sent to every deployer, each acknowledgement tracked. */
@RestController
@Tag(name = "Instructions for use", description = "Instructions for use (Art. 13), versioned and acknowledged by deployers")
class InstructionsController {

    private final InstructionsPublisher publisher;
    private final Instructions instructions;
    private final AcknowledgementController.Acknowledgements acknowledgements;

    InstructionsController(InstructionsPublisher publisher, Instructions instructions,
            AcknowledgementController.Acknowledgements acknowledgements) {
        this.publisher = publisher;
        this.instructions = instructions;
        this.acknowledgements = acknowledgements;
    }

    @PostMapping(path = "/api/systems/{id}/instructions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "publishInstructions", summary = "Publish a new version; it is mailed to every deployer for acknowledgement",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, examples = @ExampleObject(name = "instructions", value = """
                            {"accuracy": "AUC 0.87 on the 2026 validation set; accuracy 0.82 at the default threshold",
                             "robustness": "Stable under 10 % missing income fields; see test report TR-14",
                             "knownRisks": "Applicants over 70 are under-represented in training data",
                             "predeterminedChanges": "Monthly recalibration within ±2 % AUC",
                             "oversightMeasures": "Every refusal is reviewed by a loan officer",
                             "maintenanceMeasures": "Quarterly retraining; monthly post-market review",
                             "logMechanisms": "Every decision is logged with model version and input reference",
                             "changeLog": "Known risks: age group 70+ added after incident INC-2026-00001"}"""))))
    InstructionsForUse publish(@PathVariable String id, @RequestBody JsonNode body, Authentication caller) {
        return publisher.publish(id, body, caller.getName());
    }

    @GetMapping("/api/systems/{id}/instructions")
    @Operation(operationId = "getInstructions", summary = "The current version and every version, with each deployer's acknowledgement")
    Instructions.History history(@PathVariable String id) {
        return instructions.history(id);
    }

    @PostMapping(path = "/api/systems/{id}/instructions/{version}/acknowledgements", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "acknowledgeInstructions", summary = "Record a deployer's acknowledgement of a version, by its address",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE,
                    examples = @ExampleObject(name = "acknowledgement", value = "{\"email\": \"ops@bank-a.example\"}"))))
    Acknowledged acknowledge(@PathVariable String id, @PathVariable int version, @RequestBody JsonNode body) {
        return acknowledgements.byApi(id, version, JsonFields.of(body, "", Set.of("email")).text("email", true, 320));
    }

    @Component
    static class AccessRules implements ApiAccessRules {
        @Override
        public void declare(ApiAccess access) {
            access.allow(HttpMethod.POST, "/api/systems/*/instructions", Roles.PROCESS_OWNERS)
                    .allow(HttpMethod.GET, "/api/systems/*/instructions", Roles.PEOPLE)
                    .allow(HttpMethod.POST, "/api/systems/*/instructions/*/acknowledgements", Roles.PROCESS_OWNERS,
                            Roles.DEPLOYERS);
        }
    }
}
