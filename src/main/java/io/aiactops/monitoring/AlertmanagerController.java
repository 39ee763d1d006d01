package io.aiactops.monitoring;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.aiactops.platform.security.ApiAccess;
import io.aiactops.platform.security.ApiAccessRules;
import io.aiactops.platform.security.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The Alertmanager webhook receiver (docs/integrations.md). */
@RestController
@Tag(name = "Monitoring")
class AlertmanagerController {

    private final AlertmanagerReceiver receiver;

    AlertmanagerController(AlertmanagerReceiver receiver) {
        this.receiver = receiver;
    }

    @PostMapping(path = "/api/integrations/alertmanager", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "receiveAlertmanagerNotification",
            summary = "Receive a Prometheus Alertmanager webhook notification (payload version 4)",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(type = "object", description = "Alertmanager's webhook payload, version 4"),
                    examples = @ExampleObject(name = "firing", summary = "A firing alert", value = """
                            {"version": "4", "groupKey": "{}:{alertname=\\"InputDrift\\"}", "truncatedAlerts": 0,
                             "status": "firing", "receiver": "aiact-ops",
                             "groupLabels": {"alertname": "InputDrift"},
                             "commonLabels": {"alertname": "InputDrift"}, "commonAnnotations": {},
                             "externalURL": "http://alertmanager:9093",
                             "alerts": [{"status": "firing", "fingerprint": "c0ffee",
                                         "labels": {"alertname": "InputDrift", "ai_system": "demo-credit-scoring",
                                                    "metric": "psi_drift", "category": "drift", "severity": "critical"},
                                         "annotations": {"summary": "Input drift on income", "value": "0.31"},
                                         "startsAt": "2026-11-25T09:00:00Z", "endsAt": "0001-01-01T00:00:00Z",
                                         "generatorURL": "http://prometheus:9090/graph?g0.expr=psi_drift"}]}
                            """))))
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
