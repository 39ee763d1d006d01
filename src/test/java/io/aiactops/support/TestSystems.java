package io.aiactops.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** AI systems registered through the API for one test, each with a unique id, and the work they start. */
public final class TestSystems {

    private TestSystems() {
    }

    public static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A valid registration body; tests change or drop fields to make it invalid. */
    public static Map<String, Object> registration(String id) {
        Map<String, Object> body = new HashMap<>();
        body.put("id", id);
        body.put("name", "Loan scoring " + id);
        body.put("intendedPurpose", "Scores consumer loan applications for a human loan officer.");
        body.put("providerName", "Test Provider SA");
        body.put("providerContact", "compliance@provider.example");
        body.put("annexIIICategory", "5(b)");
        body.put("memberStates", List.of("FR", "DE"));
        body.put("deployers", List.of(Map.of("name", "Bank A", "email", "ops@bank-a.example"),
                Map.of("name", "Bank B", "email", "ops@bank-b.example")));
        body.put("logRetentionDays", 365);
        return body;
    }

    /** Registers a fresh system as the demo process owner and returns its id. */
    public static String register(Api api, String prefix) {
        String id = uniqueId(prefix);
        Api.Response created = api.as("process-owner").post("/api/systems", registration(id));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return id;
    }

    /**
     * Posts a signal of the system's accuracy below its action threshold (0.80) as the monitoring client,
     * and returns the id of the oversight review it started.
     */
    public static String breachAccuracy(Api api, String systemId, double value) {
        Api.Response accepted = api.as("ingest").post("/api/systems/" + systemId + "/signals", Map.of(
                "metric", "accuracy", "category", "performance", "value", value,
                "observedAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), "signalId", "test-" + UUID.randomUUID()));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        return accepted.json().get("breaches").get(0).get("reviewId").asText();
    }

    /** Reports a serious incident of the system, in FR and DE, as the incident manager; returns the case id. */
    public static String reportIncident(Api api, String systemId, Instant awareAt) {
        Api.Response reported = api.as("incident-manager").post("/api/incidents", Map.of(
                "aiSystemId", systemId, "awareAt", awareAt.truncatedTo(ChronoUnit.SECONDS).toString(),
                "description", "Applicants over 60 were refused credit by an outdated rule of " + systemId,
                "occurredAt", awareAt.minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString(),
                "reporter", "Claire Martin, bank branch Lyon",
                "reporterContact", "claire.martin@bank.example",
                "memberStates", List.of("FR", "DE"),
                "personsAffected", 3));
        assertThat(reported.status()).as(reported.body()).isEqualTo(201);
        return reported.json().get("id").asText();
    }

    /**
     * Requests a model version with complete, passing evidence as the demo administrator: its release
     * waits for a process owner's review ("Review the release").
     */
    public static void requestRelease(Api api, String systemId, String version) {
        Api.Response requested = api.as("admin").post("/api/systems/" + systemId + "/model-versions", Map.of(
                "version", version, "artifactUri", "models:/loan-scoring/" + version, "sha256", "3".repeat(64),
                "trainingDataChanged", true, "intendedPurposeChanged", false,
                "evidence", List.of(
                        Map.of("kind", "infrastructure-sizing", "reference", "https://wiki.example/sizing-" + version),
                        Map.of("kind", "cyber-risk-analysis", "reference", "DOC-SEC-2026-31"),
                        Map.of("kind", "ci-cd-run", "reference", "https://ci.example/runs/3100", "status", "success"),
                        Map.of("kind", "test-report", "reference", "https://ci.example/runs/3100/report.html",
                                "passed", 512, "failed", 0, "reportedAt", "2026-11-24T16:00:00Z",
                                "signedBy", "Dr. Lena Vogel", "metrics", Map.of("accuracy", 0.912)),
                        Map.of("kind", "model-artifact", "reference", "models:/loan-scoring/" + version, "sha256", "3".repeat(64)),
                        Map.of("kind", "technical-documentation", "reference", "DOC-TD-LS", "documentVersion", version))));
        assertThat(requested.status()).as(requested.body()).isEqualTo(201);
    }
}
