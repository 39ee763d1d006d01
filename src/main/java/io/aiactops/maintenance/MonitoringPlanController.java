package io.aiactops.maintenance;

import com.fasterxml.jackson.databind.JsonNode;
import io.aiactops.platform.security.ApiAccess;
import io.aiactops.platform.security.ApiAccessRules;
import io.aiactops.platform.security.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/systems/{id}/monitoring-plan}: the post-market monitoring plan (Art. 72(3)), versioned. */
@RestController
@Tag(name = "Post-market monitoring", description = "Post-market monitoring plans (Art. 72)")
class MonitoringPlanController {

    private final MonitoringPlans plans;

    MonitoringPlanController(MonitoringPlans plans) {
        this.plans = plans;
    }

    @PutMapping(path = "/api/systems/{id}/monitoring-plan", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "putMonitoringPlan", summary = "Store a new version of the system's post-market monitoring plan",
            description = "monitors[] are the built-in monitors computed from the register (docs/monitors.md).",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, examples = @ExampleObject(name = "plan", value = """
                            {"metrics": [{"name": "accuracy", "category": "performance", "source": "nightly evaluation job"},
                                         {"name": "psi_drift", "category": "drift", "source": "built-in monitor"}],
                             "monitors": [{"kind": "psi", "field": "/output/score", "cadence": "PT1H", "window": "P1D",
                                           "reference": {"from": "2026-10-01T00:00:00Z", "to": "2026-11-01T00:00:00Z"}},
                                          {"kind": "group_parity", "groupField": "/context/ageBand",
                                           "outcomeField": "/output/decision", "outcomeValue": "approve",
                                           "cadence": "P1D", "window": "P7D"}],
                             "thresholdsReference": "DMN monitoring-thresholds",
                             "reviewCadence": "P1M", "owners": ["process-owners", "paul"],
                             "deployerFeedbackChannel": "mailto:ai-feedback@provider.example",
                             "changeNote": "Drift added after incident INC-2026-00001"}"""))))
    MonitoringPlan put(@PathVariable String id, @RequestBody JsonNode body, Authentication caller) {
        return plans.put(id, body, caller.getName());
    }

    @GetMapping("/api/systems/{id}/monitoring-plan")
    @Operation(operationId = "getMonitoringPlan", summary = "The current plan and every version, newest first")
    MonitoringPlans.History get(@PathVariable String id) {
        return plans.history(id);
    }

    @Component
    static class AccessRules implements ApiAccessRules {
        @Override
        public void declare(ApiAccess access) {
            access.allow(HttpMethod.PUT, "/api/systems/*/monitoring-plan", Roles.PROCESS_OWNERS)
                    .allow(HttpMethod.GET, "/api/systems/*/monitoring-plan", Roles.PEOPLE);
        }
    }
}
