package io.aiactops.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import io.aiactops.platform.security.ApiAccess;
import io.aiactops.platform.security.ApiAccessRules;
import io.aiactops.platform.security.Roles;
import io.aiactops.platform.web.InvalidFieldException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/systems/{id}/integrations/evidently}: an Evidently report becomes monitoring signals,
 * taken as {@code POST .../signals} takes them (thresholds, reviews, register); 202 once committed.
 */
@RestController
@Tag(name = "Monitoring")
class EvidentlyController {

    private final EvidentlyProperties properties;
    private final SignalIntake intake;

    EvidentlyController(EvidentlyProperties properties, SignalIntake intake) {
        this.properties = properties;
        this.intake = intake;
    }

    @PostMapping(path = "/api/systems/{id}/integrations/evidently", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(operationId = "receiveEvidentlyReport",
            summary = "Send an Evidently report (Report.json() of Evidently 0.3.2) as monitoring signals; 202 once committed",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(type = "object", description = "The output of Report.json(), Evidently 0.3.2"),
                    examples = @ExampleObject(name = "drift", summary = "A data drift report", value = """
                            {"version": "0.3.2", "timestamp": "2026-11-25 09:00:00.000000",
                             "metrics": [{"metric": "DatasetDriftMetric", "result": {"drift_share": 0.5,
                               "number_of_columns": 15, "number_of_drifted_columns": 3,
                               "share_of_drifted_columns": 0.2, "dataset_drift": false}}]}
                            """))))
    @ApiResponse(responseCode = "422", description = "No metric of the report maps to a signal, or another Evidently version.")
    SignalReceipt receive(@PathVariable String id, @RequestBody JsonNode report,
            @RequestParam(required = false) String modelVersion, Authentication caller) {
        if (modelVersion != null && (modelVersion.isBlank() || modelVersion.length() > 64)) {
            throw new InvalidFieldException("modelVersion", "must be a model version label of at most 64 characters");
        }
        return intake.accept(id, caller.getName(), EvidentlyReport.signals(report, properties.mapping(id), modelVersion));
    }

    @Component
    static class AccessRules implements ApiAccessRules {
        @Override
        public void declare(ApiAccess access) {
            access.allow(HttpMethod.POST, "/api/systems/*/integrations/evidently", Roles.INGEST);
        }
    }
}
