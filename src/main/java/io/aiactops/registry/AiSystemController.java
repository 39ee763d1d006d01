package io.aiactops.registry;

import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.aiactops.platform.security.ApiAccess;
import io.aiactops.platform.security.ApiAccessRules;
import io.aiactops.platform.security.Roles;
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
class AiSystemController {

    private final Registry registry;

    AiSystemController(Registry registry) {
        this.registry = registry;
    }

    @PostMapping
    ResponseEntity<AiSystem> register(@RequestBody AiSystemDetails details, Authentication caller) {
        AiSystem system = registry.register(details, caller.getName());
        return ResponseEntity.created(URI.create("/api/systems/" + system.id())).body(system);
    }

    @GetMapping
    List<AiSystem> list() {
        return registry.list();
    }

    @GetMapping("/{id}")
    AiSystem get(@PathVariable String id) {
        return registry.get(id);
    }

    @PatchMapping(path = "/{id}", consumes = { "application/merge-patch+json", "application/json" })
    AiSystem change(@PathVariable String id, @RequestBody JsonNode patch, Authentication caller) {
        return registry.change(id, patch, caller.getName());
    }

    @GetMapping("/{id}/model-versions")
    List<ModelVersion> modelVersions(@PathVariable String id) {
        return registry.modelVersions(id);
    }

    @Component
    static class AccessRules implements ApiAccessRules {
        @Override
        public void declare(ApiAccess access) {
            access.allow(HttpMethod.POST, "/api/systems", Roles.PROCESS_OWNERS)
                    .allow(HttpMethod.PATCH, "/api/systems/*", Roles.PROCESS_OWNERS)
                    .authenticated(HttpMethod.GET, "/api/systems", "/api/systems/*", "/api/systems/*/model-versions");
        }
    }
}
