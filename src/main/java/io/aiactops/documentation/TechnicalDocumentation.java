package io.aiactops.documentation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import io.aiactops.deployment.Evidence;
import io.aiactops.deployment.EvidenceKind;
import io.aiactops.deployment.ModelReleases;
import io.aiactops.deployment.ModelVersionHistory;
import io.aiactops.logs.LogEvent;
import io.aiactops.logs.LogEventType;
import io.aiactops.logs.LogRegister;
import io.aiactops.maintenance.Instructions;
import io.aiactops.maintenance.InstructionsForUse;
import io.aiactops.maintenance.MonitoringPlan;
import io.aiactops.maintenance.MonitoringPlans;
import io.aiactops.maintenance.PostMarketReport;
import io.aiactops.maintenance.PostMarketReports;
import io.aiactops.monitoring.Thresholds;
import io.aiactops.platform.Sha256;
import io.aiactops.platform.jdbc.JdbcTime;
import io.aiactops.platform.web.NotFoundException;
import io.aiactops.registry.AiSystem;
import io.aiactops.registry.Registry;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The technical documentation of a system (Annex IV) as the live data has it: points 1(a) and 1(c)
 * (the system and its version chain), 2(g) (the signed, dated test evidence from the deployment gate),
 * 3 (monitoring, functioning and control), 6 (changes through the life cycle) and 9 (the post-market
 * monitoring plan and its reviews), as Markdown and HTML; and its snapshots.
 */
@Service
public class TechnicalDocumentation {

    /** A stored snapshot, without its text. */
    public record Snapshot(long id, String aiSystemId, String reason, Instant takenAt, String sha256) {
    }

    private final Registry registry;
    private final ModelReleases releases;
    private final MonitoringPlans plans;
    private final Instructions instructions;
    private final PostMarketReports reports;
    private final LogRegister register;
    private final RepositoryService repositoryService;
    private final JdbcClient jdbc;
    private final Clock clock;

    TechnicalDocumentation(Registry registry, ModelReleases releases, MonitoringPlans plans, Instructions instructions,
            PostMarketReports reports, LogRegister register, RepositoryService repositoryService, JdbcClient jdbc,
            Clock clock) {
        this.registry = registry;
        this.releases = releases;
        this.plans = plans;
        this.instructions = instructions;
        this.reports = reports;
        this.register = register;
        this.repositoryService = repositoryService;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public String markdown(String systemId) {
        return document(systemId).markdown();
    }

    @Transactional(readOnly = true)
    public String html(String systemId) {
        return document(systemId).html();
    }

    /** Stores the documentation as it is now, e.g. "model version 2.0 activated". */
    @Transactional
    public Snapshot snapshot(String systemId, String reason) {
        String markdown = markdown(systemId);
        Instant now = clock.instant();
        String sha256 = Sha256.of(markdown);
        jdbc.sql("INSERT INTO documentation_snapshot (system_id, reason, taken_at, sha256, markdown) VALUES (?, ?, ?, ?, ?)")
                .params(systemId, reason, JdbcTime.utc(now), sha256, markdown).update();
        return snapshots(systemId).get(0);
    }

    /** The system's snapshots, newest first. */
    @Transactional(readOnly = true)
    public List<Snapshot> snapshots(String systemId) {
        registry.get(systemId);
        return jdbc.sql("SELECT id, system_id, reason, taken_at, sha256 FROM documentation_snapshot WHERE system_id = ? ORDER BY id DESC")
                .param(systemId)
                .query((rs, n) -> new Snapshot(rs.getLong("id"), rs.getString("system_id"), rs.getString("reason"),
                        JdbcTime.instant(rs, "taken_at"), rs.getString("sha256")))
                .list();
    }

    @Transactional(readOnly = true)
    public String snapshotMarkdown(String systemId, long snapshotId) {
        return jdbc.sql("SELECT markdown FROM documentation_snapshot WHERE system_id = ? AND id = ?").params(systemId, snapshotId)
                .query(String.class).optional()
                .orElseThrow(() -> new NotFoundException("Documentation snapshot", String.valueOf(snapshotId)));
    }

    private Document document(String systemId) {
        AiSystem system = registry.get(systemId);
        List<ModelVersionHistory> versions = releases.history(systemId);
        Document doc = new Document("Technical documentation — " + system.name() + " (" + system.id() + ")");
        doc.section("Generated").paragraph("Generated by aiact-ops at " + clock.instant() + " from the registry, the deployment "
                + "gate, the monitoring plan, the instructions for use and the log register (Annex IV of Regulation (EU) 2024/1689).");

        doc.section("1(a) General description").table(List.of("Item", "Value"), List.of(
                row("Intended purpose", system.intendedPurpose()),
                row("Provider", system.providerName() + " (" + system.providerContact() + ")"),
                row("Annex III category", system.annexIIICategory()),
                row("EU database registration", system.euDatabaseId()),
                row("Member States", String.join(", ", system.memberStates())),
                row("Deployers", system.deployers().stream().map(d -> d.name() + " <" + d.email() + ">").collect(Collectors.joining("; "))),
                row("Known limitations", system.knownLimitations()),
                row("Status", system.status() + (system.statusReason() == null ? "" : " — " + system.statusReason()))));

        doc.section("1(c) Versions and their chain").table(
                List.of("Version", "Status", "Replaced", "Artifact", "SHA-256", "Decision", "Decided by", "Since"),
                versions.stream().map(v -> row(v.version(), v.status().name(), v.previousVersion(), v.artifactUri(), v.sha256(),
                        v.release() == null ? "in service when registered" : v.release().decision(),
                        v.release() == null ? v.createdBy() : v.release().decidedBy(), str(v.statusChangedAt()))).toList());

        List<List<String>> tests = new ArrayList<>();
        for (ModelVersionHistory v : versions) {
            if (v.release() == null) {
                continue;
            }
            for (Evidence e : v.release().evidence()) {
                if (e.kind() == EvidenceKind.TEST_REPORT || e.kind() == EvidenceKind.CI_CD_RUN) {
                    tests.add(row(v.version(), e.kind().label(), e.reference(), e.sha256(),
                            e.testsPassed() == null ? e.runStatus() : e.testsPassed() + " passed, " + e.testsFailed() + " failed",
                            e.signedBy(), str(e.reportedAt()), metrics(e.metrics())));
                }
            }
        }
        doc.section("2(g) Test evidence, signed and dated").table(
                List.of("Version", "Evidence", "Reference", "SHA-256", "Result", "Signed by", "Dated", "Metrics"), tests);

        doc.section("3 Monitoring, functioning and control");
        MonitoringPlan plan = plans.current(systemId).orElse(null);
        doc.paragraph("Monitored metrics, from the post-market monitoring plan:");
        doc.table(List.of("Monitored metric", "Category", "Source"), plan == null ? List.of()
                : plan.metrics().stream().map(m -> row(m.name(), m.category(), m.source())).toList());
        DecisionDefinition thresholds = repositoryService.createDecisionDefinitionQuery()
                .decisionDefinitionKey(Thresholds.DECISION_KEY).latestVersion().singleResult();
        doc.paragraph("Action thresholds: decision table '" + Thresholds.DECISION_KEY + "'"
                + (thresholds == null ? " (not deployed)" : ", version " + thresholds.getVersion()) + "; each breach is put "
                + "before a human overseer (Art. 14), who can dismiss it, request a corrective action, report a serious "
                + "incident or stop the system.");
        InstructionsForUse current = instructions.history(systemId).current();
        doc.paragraph("What deployers are told, from the current instructions for use:");
        doc.table(List.of("Instructions for use (Art. 13(3))", "Current version" + (current == null ? "" : " " + current.version())),
                current == null ? List.of() : List.of(row("Levels of accuracy", current.accuracy()),
                        row("Robustness and cybersecurity", current.robustness()), row("Known risks", current.knownRisks()),
                        row("Human oversight measures", current.oversightMeasures()),
                        row("Maintenance measures", current.maintenanceMeasures()), row("Logging", current.logMechanisms())));

        List<LogEvent> changes = register.events(systemId, Set.of(LogEventType.MODEL_VERSION_CHANGED,
                LogEventType.CONFIGURATION_CHANGED), Instant.EPOCH, clock.instant());
        doc.section("6 Changes through the life cycle").table(List.of("Seq", "Recorded", "Type", "By", "What"),
                changes.stream().map(e -> row(String.valueOf(e.seq()), str(e.occurredAt()), e.type(), e.actor(),
                        e.payload().toString())).toList());

        doc.section("9 Post-market monitoring system and plan").paragraph("The post-market monitoring plan:").table(List.of("Plan", "Value"), plan == null ? List.of()
                : List.of(row("Version", String.valueOf(plan.version())), row("Review cadence", plan.reviewCadence().toString()),
                        row("Thresholds", plan.thresholdsReference()), row("Owners", String.join(", ", plan.owners())),
                        row("Deployer feedback", plan.deployerFeedbackChannel())));
        List<PostMarketReport> signed = reports.list(systemId).stream().filter(r -> r.signOff() != null).toList();
        doc.paragraph("Post-market reviews, signed off:");
        doc.table(List.of("Review period", "Signed off by", "Role", "At", "Report SHA-256"), signed.stream()
                .map(r -> row(r.periodFrom() + " – " + r.periodTo(), r.signOff().name(), r.signOff().role(),
                        str(r.signOff().at()), r.sha256())).toList());
        return doc;
    }

    private static List<String> row(String... cells) {
        return java.util.Arrays.asList(cells);
    }

    private static String str(Instant instant) {
        return Objects.toString(instant, null);
    }

    private static String metrics(Map<String, java.math.BigDecimal> metrics) {
        return metrics.isEmpty() ? null : metrics.entrySet().stream().map(m -> m.getKey() + " " + m.getValue().toPlainString())
                .sorted().collect(Collectors.joining(", "));
    }
}
