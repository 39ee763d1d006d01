package io.aiactops.deployment;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.stream.Collectors;
import java.util.function.Function;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aiactops.logs.EvidenceHold;
import io.aiactops.logs.EvidenceHolds;
import io.aiactops.platform.jdbc.JdbcTime;
import io.aiactops.platform.web.ConflictException;
import io.aiactops.platform.web.NotFoundException;
import io.aiactops.registry.AiSystem;
import io.aiactops.registry.Deployer;
import io.aiactops.registry.ModelVersion;
import io.aiactops.registry.ModelVersionStatus;
import io.aiactops.registry.Registry;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The deployment gate's records: one release per candidate version with its evidence, the automatic
 * evidence check, the comparison with the active version, the decisions, and the activation with its
 * consequences (documentation marked for regeneration). Knows nothing of Camunda.
 */
@Service
public class ModelReleases {

    /** What the maintenance capability regenerates after a new version went live. */
    static final String DOCUMENTS = "technical-documentation, instructions-for-use";

    private static final String SELECT = "SELECT * FROM model_release";
    private static final TypeReference<Map<String, BigDecimal>> METRICS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final Registry registry;
    private final ModelVersionActivation activation;
    private final EvidenceHolds holds;
    private final ObjectMapper objectMapper;
    private final Clock clock;

    ModelReleases(JdbcClient jdbc, Registry registry, ModelVersionActivation activation, EvidenceHolds holds,
            ObjectMapper objectMapper, Clock clock) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.activation = activation;
        this.holds = holds;
        this.objectMapper = objectMapper;
        this.clock = clock;
    }

    /**
     * Opens the release of a registered CANDIDATE with the evidence supplied so far. A version that is
     * not a candidate, or already has a release: 409.
     */
    @Transactional
    public long open(String systemId, String version, ReleaseTrigger trigger, Boolean trainingDataChanged,
            Boolean intendedPurposeChanged, List<Evidence> evidence, String actor) {
        ModelVersion candidate = registry.modelVersion(systemId, version);
        if (candidate.status() != ModelVersionStatus.CANDIDATE) {
            throw new ConflictException("Model version " + version + " of '" + systemId + "' is " + candidate.status()
                    + "; only a CANDIDATE goes through the deployment gate");
        }
        Optional<Release> existing = find(systemId, version);
        if (existing.isPresent()) {
            throw alreadyOpen(existing.get());
        }
        KeyHolder keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                    INSERT INTO model_release (system_id, version, trigger_source, requested_at, requested_by,
                        training_data_changed, intended_purpose_changed, status) VALUES (?, ?, ?, ?, ?, ?, ?, 'IN_REVIEW')""")
                    .params(systemId, version, trigger.wireName(), JdbcTime.utc(clock.instant()), actor,
                            trainingDataChanged, intendedPurposeChanged)
                    .update(keys, "id");
        } catch (DuplicateKeyException e) {
            // Opened by a concurrent request since the check above; PostgreSQL allows no further query here.
            throw new ConflictException("Model version " + version + " of '" + systemId + "' already has a release");
        }
        long id = keys.getKeyAs(Long.class);
        evidence.forEach(item -> insert(id, item));
        return id;
    }

    @Transactional
    public void attachProcess(long releaseId, String processInstanceId) {
        jdbc.sql("UPDATE model_release SET process_instance_id = ? WHERE id = ?").params(processInstanceId, releaseId).update();
    }

    @Transactional(readOnly = true)
    public Release get(long releaseId) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(releaseId).query(ModelReleases::release).optional()
                .orElseThrow(() -> new NotFoundException("Release", String.valueOf(releaseId)));
    }

    @Transactional(readOnly = true)
    public Optional<Release> find(String systemId, String version) {
        return jdbc.sql(SELECT + " WHERE system_id = ? AND version = ?").params(systemId, version)
                .query(ModelReleases::release).optional();
    }

    /** The current evidence of a release, one item per kind (later supplies replace earlier ones). */
    @Transactional(readOnly = true)
    public List<Evidence> evidence(long releaseId) {
        return jdbc.sql("SELECT * FROM model_release_evidence WHERE release_id = ? AND superseded_at IS NULL ORDER BY id")
                .param(releaseId).query(this::evidenceRow).list();
    }

    /** Lists what is missing or failing; a failed CI/CD run is flagged, as it rejects the release. */
    @Transactional(readOnly = true)
    public EvidenceCheck check(long releaseId) {
        Release release = get(releaseId);
        ModelVersion candidate = registry.modelVersion(release.systemId(), release.version());
        return EvidenceCheck.of(evidence(releaseId), candidate.sha256(), release.trainingDataChanged(),
                release.intendedPurposeChanged());
    }

    /** Evidence and change facts supplied later (the completion task); each item replaces its kind's earlier one. */
    @Transactional
    public void supply(long releaseId, List<Evidence> items, Boolean trainingDataChanged, Boolean intendedPurposeChanged) {
        get(releaseId);
        Instant now = clock.instant();
        for (Evidence item : items) {
            jdbc.sql("UPDATE model_release_evidence SET superseded_at = ? WHERE release_id = ? AND kind = ? AND superseded_at IS NULL")
                    .params(JdbcTime.utc(now), releaseId, item.kind().wireName()).update();
            insert(releaseId, item);
        }
        if (trainingDataChanged != null) {
            jdbc.sql("UPDATE model_release SET training_data_changed = ? WHERE id = ?").params(trainingDataChanged, releaseId)
                    .update();
        }
        if (intendedPurposeChanged != null) {
            jdbc.sql("UPDATE model_release SET intended_purpose_changed = ? WHERE id = ?")
                    .params(intendedPurposeChanged, releaseId).update();
        }
    }

    /** The candidate's test-report metrics against those of the system's ACTIVE version, if it came through the gate. */
    @Transactional(readOnly = true)
    public MetricComparison compare(long releaseId) {
        Release release = get(releaseId);
        Optional<ModelVersion> active = registry.modelVersions(release.systemId()).stream()
                .filter(v -> v.status() == ModelVersionStatus.ACTIVE).findFirst();
        if (active.isEmpty()) {
            return new MetricComparison(null, Map.of(), 0);
        }
        Map<String, BigDecimal> baseline = find(release.systemId(), active.get().version())
                .map(r -> metrics(r.id())).orElse(Map.of());
        Map<String, BigDecimal> candidate = metrics(releaseId);
        Map<String, BigDecimal> deltas = new HashMap<>();
        double largestDrop = 0;
        for (Map.Entry<String, BigDecimal> metric : candidate.entrySet()) {
            BigDecimal before = baseline.get(metric.getKey());
            if (before != null) {
                BigDecimal delta = metric.getValue().subtract(before);
                deltas.put(metric.getKey(), delta);
                largestDrop = Math.max(largestDrop, -delta.doubleValue());
            }
        }
        return new MetricComparison(active.get().version(), deltas, largestDrop);
    }

    @Transactional
    public void recordAssessment(long releaseId, String changeAssessment) {
        jdbc.sql("UPDATE model_release SET change_assessment = ? WHERE id = ?").params(changeAssessment, releaseId).update();
    }

    /** The process owner's go or no-go, with who and why. */
    @Transactional
    public void recordDecision(long releaseId, boolean go, String reason, String decidedBy) {
        jdbc.sql("""
                UPDATE model_release SET decision = ?, decided_at = ?, decided_by = ?, decision_reason = ?,
                    status = ? WHERE id = ?""")
                .params(go ? "go" : "no-go", JdbcTime.utc(clock.instant()), decidedBy, reason,
                        go ? ReleaseStatus.APPROVED.name() : ReleaseStatus.IN_REVIEW.name(), releaseId)
                .update();
    }

    /** The version becomes REJECTED in the registry (a no-go or a failed CI/CD run); the release is closed. */
    @Transactional
    public void reject(long releaseId, String reason, String by) {
        Release release = get(releaseId);
        registry.rejectModelVersion(release.systemId(), release.version(), by, reason);
        close(releaseId, ReleaseStatus.REJECTED);
    }

    /** A substantial modification: the version stays a CANDIDATE this gate cannot activate; the release is closed. */
    @Transactional
    public void referToConformityAssessment(long releaseId, String note, String by) {
        jdbc.sql("UPDATE model_release SET decided_at = ?, decided_by = ?, decision_reason = ? WHERE id = ?")
                .params(JdbcTime.utc(clock.instant()), by, note, releaseId).update();
        close(releaseId, ReleaseStatus.CONFORMITY_ASSESSMENT_REQUIRED);
    }

    /** The evidence holds that forbid activating a version of the system now. */
    @Transactional(readOnly = true)
    public List<EvidenceHold> holds(String systemId) {
        return holds.active(systemId);
    }

    /**
     * Activates the approved version (the previous one retires, recorded in the log register) and marks
     * the system's technical documentation and instructions for use for regeneration, all at once.
     * Under an evidence hold: {@link SystemUnderHoldException}, and nothing changes.
     */
    @Transactional
    public ModelVersion activate(long releaseId) {
        Release release = get(releaseId);
        if (release.status() != ReleaseStatus.APPROVED) {
            throw new ConflictException("Release " + releaseId + " is " + release.status() + ", not APPROVED");
        }
        ModelVersion activated = activation.activate(release.systemId(), release.version(), release.decidedBy(),
                release.decisionReason());
        Instant now = clock.instant();
        jdbc.sql("UPDATE model_release SET status = 'ACTIVATED', activated_at = ?, closed_at = ? WHERE id = ?")
                .params(JdbcTime.utc(now), JdbcTime.utc(now), releaseId).update();
        jdbc.sql("""
                INSERT INTO documentation_regeneration (system_id, model_version, documents, reason, requested_at, requested_by)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(release.systemId(), release.version(), DOCUMENTS,
                        activated.previousVersion() == null ? "model version " + release.version() + " went into service"
                                : "model version " + release.version() + " replaced " + activated.previousVersion(),
                        JdbcTime.utc(now), release.decidedBy())
                .update();
        return activated;
    }

    /** The documentation marked for regeneration is regenerated: a snapshot of it was just taken. */
    @Transactional
    public void regenerated(String systemId) {
        jdbc.sql("UPDATE documentation_regeneration SET completed_at = ? WHERE system_id = ? AND completed_at IS NULL")
                .params(JdbcTime.utc(clock.instant()), systemId).update();
    }


    @Transactional(readOnly = true)
    public List<Deployer> deployers(String systemId) {
        AiSystem system = registry.get(systemId);
        return system.deployers();
    }

    /** The version chain of a system (Annex IV 1(c), 2(g), 6): each version with its release, evidence and decision. */
    @Transactional(readOnly = true)
    public List<ModelVersionHistory> history(String systemId) {
        Map<String, Release> byVersion = releases(systemId).stream()
                .collect(Collectors.toMap(Release::version, Function.identity()));
        return registry.modelVersions(systemId).stream().map(v -> {
            Release r = byVersion.get(v.version());
            return ModelVersionHistory.of(v, r == null ? null : new ModelVersionHistory.ReleaseView(r.id(), r.trigger(),
                    r.requestedAt(), r.requestedBy(), r.status(), r.changeAssessment(), r.trainingDataChanged(),
                    r.intendedPurposeChanged(), r.decision(), r.decidedAt(), r.decidedBy(), r.decisionReason(),
                    r.activatedAt(), r.closedAt(), evidence(r.id())));
        }).toList();
    }

    /** All releases of a system, for the version chain. */
    @Transactional(readOnly = true)
    public List<Release> releases(String systemId) {
        return jdbc.sql(SELECT + " WHERE system_id = ? ORDER BY id").param(systemId).query(ModelReleases::release).list();
    }

    private void close(long releaseId, ReleaseStatus status) {
        jdbc.sql("UPDATE model_release SET status = ?, closed_at = ? WHERE id = ?")
                .params(status.name(), JdbcTime.utc(clock.instant()), releaseId).update();
    }

    private Map<String, BigDecimal> metrics(long releaseId) {
        return evidence(releaseId).stream().filter(e -> e.kind() == EvidenceKind.TEST_REPORT).findFirst()
                .map(Evidence::metrics).orElse(Map.of());
    }

    private void insert(long releaseId, Evidence e) {
        jdbc.sql("""
                INSERT INTO model_release_evidence (release_id, kind, reference, sha256, supplied_by, supplied_at, run_status,
                    tests_passed, tests_failed, reported_at, signed_by, document_version, metrics)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(releaseId, e.kind().wireName(), e.reference(), e.sha256(), e.suppliedBy(),
                        JdbcTime.utc(e.suppliedAt()), e.runStatus(), e.testsPassed(), e.testsFailed(),
                        JdbcTime.utc(e.reportedAt()), e.signedBy(), e.documentVersion(),
                        e.metrics().isEmpty() ? null : json(e.metrics()))
                .update();
    }

    private String json(Map<String, BigDecimal> metrics) {
        try {
            return objectMapper.writeValueAsString(metrics);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Evidence evidenceRow(ResultSet rs, int n) throws SQLException {
        String metrics = rs.getString("metrics");
        Map<String, BigDecimal> parsed;
        try {
            parsed = metrics == null ? Map.of() : objectMapper.readValue(metrics, METRICS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored metrics of evidence " + rs.getLong("id") + " are not JSON", e);
        }
        return new Evidence(EvidenceKind.fromWireName(rs.getString("kind")), rs.getString("reference"),
                rs.getString("sha256"), rs.getString("supplied_by"), JdbcTime.instant(rs, "supplied_at"),
                rs.getString("run_status"), rs.getObject("tests_passed", Integer.class),
                rs.getObject("tests_failed", Integer.class), JdbcTime.instant(rs, "reported_at"),
                rs.getString("signed_by"), rs.getString("document_version"), parsed);
    }

    private static Release release(ResultSet rs, int n) throws SQLException {
        return new Release(rs.getLong("id"), rs.getString("system_id"), rs.getString("version"),
                ReleaseTrigger.valueOf(rs.getString("trigger_source").toUpperCase(java.util.Locale.ROOT)),
                JdbcTime.instant(rs, "requested_at"), rs.getString("requested_by"), rs.getString("process_instance_id"),
                rs.getObject("training_data_changed", Boolean.class), rs.getObject("intended_purpose_changed", Boolean.class),
                rs.getString("change_assessment"), ReleaseStatus.valueOf(rs.getString("status")), rs.getString("decision"),
                JdbcTime.instant(rs, "decided_at"), rs.getString("decided_by"), rs.getString("decision_reason"),
                JdbcTime.instant(rs, "activated_at"), JdbcTime.instant(rs, "closed_at"));
    }

    private static ConflictException alreadyOpen(Release release) {
        return new ConflictException("Model version " + release.version() + " of '" + release.systemId()
                + "' already went through the deployment gate (release " + release.id() + ", " + release.status() + ")");
    }
}
