package io.aiactops.deployment;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.aiactops.platform.security.ApiAccess;
import io.aiactops.platform.security.ApiAccessRules;
import io.aiactops.platform.security.Roles;
import io.aiactops.platform.web.InvalidFieldException;
import io.aiactops.platform.web.JsonFields;
import io.aiactops.registry.Registry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/systems/{id}/model-versions}: request the release of a candidate, and read the version chain. */
@RestController
@Tag(name = "Deployment", description = "The deployment gate for model versions: evidence, change assessment, four-eyes release")
class ModelDeploymentController {

    private static final Set<String> FIELDS = Set.of("version", "artifactUri", "sha256", "evidence", "trainingDataChanged",
            "intendedPurposeChanged");

    private final ModelDeploymentStarter starter;
    private final ModelReleases releases;
    private final Registry registry;
    private final Clock clock;

    ModelDeploymentController(ModelDeploymentStarter starter, ModelReleases releases, Registry registry, Clock clock) {
        this.starter = starter;
        this.releases = releases;
        this.registry = registry;
        this.clock = clock;
    }

    /** The candidate and its release, once both and the gate's first steps are committed. */
    record Requested(String aiSystemId, String version, long releaseId) {
    }

    @PostMapping(path = "/api/systems/{id}/model-versions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "requestModelVersionRelease",
            summary = "Register a candidate model version with its evidence and start its deployment gate; 201 once committed",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, examples = @ExampleObject(name = "candidate", value = """
                            {"version": "1.1.0", "artifactUri": "models:/credit-scoring/7",
                             "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                             "trainingDataChanged": true, "intendedPurposeChanged": false,
                             "evidence": [
                               {"kind": "infrastructure-sizing", "reference": "https://wiki.example/scoring/sizing-1.1"},
                               {"kind": "cyber-risk-analysis", "reference": "DOC-SEC-2026-14"},
                               {"kind": "ci-cd-run", "reference": "https://ci.example/runs/991", "status": "success"},
                               {"kind": "test-report", "reference": "https://ci.example/runs/991/report.html",
                                "sha256": "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752",
                                "passed": 412, "failed": 0, "reportedAt": "2026-11-24T16:00:00Z",
                                "signedBy": "Dr. Lena Vogel, head of validation", "metrics": {"accuracy": 0.912, "auc": 0.87}},
                               {"kind": "model-artifact", "reference": "models:/credit-scoring/7",
                                "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"},
                               {"kind": "technical-documentation", "reference": "DOC-TD-CS", "documentVersion": "12"}]}
                            """))))
    ResponseEntity<Requested> request(@PathVariable String id, @RequestBody JsonNode body, Authentication caller) {
        JsonFields fields = JsonFields.of(body, "", FIELDS);
        Instant now = clock.instant();
        String version = fields.text("version", true, 64);
        String artifactUri = fields.text("artifactUri", true, 2000);
        String sha256 = fields.text("sha256", true, 64);
        Boolean trainingDataChanged = flag(body, "trainingDataChanged");
        Boolean intendedPurposeChanged = flag(body, "intendedPurposeChanged");
        List<Evidence> evidence = EvidenceInput.fromJson(body.get("evidence"), "evidence", caller.getName(), now);
        long releaseId = starter.registerAndStart(id, version, artifactUri, sha256, trainingDataChanged,
                intendedPurposeChanged, evidence, caller.getName());
        return ResponseEntity.created(URI.create("/api/systems/" + id + "/model-versions"))
                .body(new Requested(id, version, releaseId));
    }

    @GetMapping("/api/systems/{id}/model-versions")
    @Operation(operationId = "listModelVersions",
            summary = "The version chain of an AI system: each version, its predecessor, and its release with evidence, decisions and dates")
    List<ModelVersionHistory> modelVersions(@PathVariable String id) {
        return releases.history(id);
    }

    private static Boolean flag(JsonNode body, String name) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            throw new InvalidFieldException(name, "must be true or false");
        }
        return value.booleanValue();
    }

    @Component
    static class AccessRules implements ApiAccessRules {
        @Override
        public void declare(ApiAccess access) {
            access.allow(HttpMethod.POST, "/api/systems/*/model-versions", Roles.PROCESS_OWNERS)
                    // People only, as for the rest of the registry.
                    .allow(HttpMethod.GET, "/api/systems/*/model-versions", Roles.PEOPLE);
        }
    }
}
