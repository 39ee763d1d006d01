package io.aiactops.monitoring;

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
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/systems/{id}/signals}: one signal or an array; 202 once committed. */
@RestController
@Tag(name = "Monitoring", description = "Monitoring signals and Prometheus Alertmanager alerts")
class SignalController {

    private final SignalParser parser;
    private final SignalIntake intake;

    SignalController(SignalParser parser, SignalIntake intake) {
        this.parser = parser;
        this.intake = intake;
    }

    @PostMapping(path = "/api/systems/{id}/signals", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(operationId = "sendSignals", summary = "Send monitoring signals (one or an array); 202 once committed",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(description = "One signal (an object), or an array of signals"),
                    examples = {
                            @ExampleObject(name = "signal", summary = "One signal", value = """
                                    {"metric": "accuracy", "category": "performance", "value": 0.78,
                                     "observedAt": "2026-11-25T09:00:00Z", "window": "PT24H", "modelVersion": "1.0.0",
                                     "labels": {"segment": "FR"}, "source": "nightly-eval", "signalId": "acc-2026-11-25"}
                                    """),
                            @ExampleObject(name = "signals", summary = "An array of signals", value = """
                                    [{"metric": "accuracy", "category": "performance", "value": 0.78,
                                      "observedAt": "2026-11-25T09:00:00Z", "signalId": "acc-2026-11-25"},
                                     {"metric": "psi_drift", "category": "drift", "value": 0.07,
                                      "observedAt": "2026-11-25T09:00:00Z", "signalId": "psi-2026-11-25"}]
                                    """) })))
    SignalReceipt accept(@PathVariable String id, @RequestBody JsonNode body, Authentication caller) {
        return intake.accept(id, caller.getName(), parser.parse(body));
    }

    @Component
    static class AccessRules implements ApiAccessRules {
        @Override
        public void declare(ApiAccess access) {
            access.allow(HttpMethod.POST, "/api/systems/*/signals", Roles.INGEST);
        }
    }
}
