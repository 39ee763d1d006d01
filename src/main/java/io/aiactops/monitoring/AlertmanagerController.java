package io.aiactops.monitoring;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.aiactops.platform.security.ApiAccess;
import io.aiactops.platform.security.ApiAccessRules;
import io.aiactops.platform.security.Roles;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The Alertmanager webhook receiver (docs/integrations.md). */
@RestController
class AlertmanagerController {

    private final AlertmanagerReceiver receiver;

    AlertmanagerController(AlertmanagerReceiver receiver) {
        this.receiver = receiver;
    }

    @PostMapping(path = "/api/integrations/alertmanager", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> receive(@RequestBody JsonNode body, Authentication caller) {
        List<Map<String, Object>> alerts = receiver.receive(receiver.parse(body), caller.getName());
        return Map.of("alerts", alerts);
    }

    @Component
    static class AccessRules implements ApiAccessRules {
        @Override
        public void declare(ApiAccess access) {
            access.allow(HttpMethod.POST, "/api/integrations/alertmanager", Roles.INGEST);
        }
    }
}
