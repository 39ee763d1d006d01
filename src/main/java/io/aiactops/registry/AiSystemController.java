package io.aiactops.registry;

import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.aiactops.platform.security.ApiAccess;
import io.aiactops.platform.security.ApiAccessRules;
import io.aiactops.platform.security.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/systems")
@Tag(name = "AI systems", description = "The register of AI systems and their model versions")
class AiSystemController {

    private final Registry registry;

    AiSystemController(Registry registry) {
        this.registry = registry;
    }

    @PostMapping
    @Operation(operationId = "registerAiSystem", summary = "Register an AI system")
    @ApiResponse(responseCode = "201", description = "Registered", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = AiSystem.class)))
    ResponseEntity<AiSystem> register(@RequestBody AiSystemDetails details, Authentication caller) {
        AiSystem system = registry.register(details, caller.getName());
        return ResponseEntity.created(URI.create("/api/systems/" + system.id())).body(system);
    }

    @GetMapping
    @Operation(operationId = "listAiSystems", summary = "List the registered AI systems")
    List<AiSystem> list() {
        return registry.list();
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getAiSystem", summary = "Get an AI system")
    AiSystem get(@PathVariable String id) {
        return registry.get(id);
    }

    @PatchMapping(path = "/{id}", consumes = { "application/merge-patch+json", "application/json" })
    @Operation(operationId = "changeAiSystem", summary = "Change an AI system's details (JSON merge patch, RFC 7396)",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
                    @Content(mediaType = "application/merge-patch+json", schema = @Schema(type = "object",
                            description = "The fields of the AI system to change; null removes an optional field"),
                            examples = @ExampleObject(name = "change", summary = "Another deployer, and a longer retention",
                                    value = """
                                            {"deployers": [{"name": "Bank A", "email": "ops@bank-a.example"},
                                                           {"name": "Bank B", "email": "ai-ops@bank-b.example"}],
                                             "logRetentionDays": 730}""")),
                    @Content(mediaType = "application/json", schema = @Schema(type = "object")) }))
    AiSystem change(@PathVariable String id, @RequestBody JsonNode patch, Authentication caller) {
        return registry.change(id, patch, caller.getName());
    }

    @Component
    static class AccessRules implements ApiAccessRules {
        @Override
        public void declare(ApiAccess access) {
            access.allow(HttpMethod.POST, "/api/systems", Roles.PROCESS_OWNERS)
                    .allow(HttpMethod.PATCH, "/api/systems/*", Roles.PROCESS_OWNERS)
                    // People only: machine clients need the operational status, not deployers' contacts.
                    .allow(HttpMethod.GET, "/api/systems", Roles.PEOPLE)
                    .allow(HttpMethod.GET, "/api/systems/*", Roles.PEOPLE);
        }
    }
}
