package io.aiactops.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.aiactops.platform.Sha256;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aiactops.logs.LogEventType;
import io.aiactops.logs.LogRegister;
import io.aiactops.platform.security.Roles;
import io.aiactops.support.Api;
import io.aiactops.support.IntegrationTest;
import io.aiactops.support.TestSystems;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DuplicateKeyException;

/**
 * A monthly post-market review on PostgreSQL: last month's register of a fresh system, seeded with
 * signals, breaches, oversight decisions, a stop and a deployer report (and events just outside the
 * month), gives the exact counts and override rate; after sign-off the frozen report's SHA-256 is
 * in the register and the chain verifies.
 */
@IntegrationTest
class PostMarketReviewIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    LogRegister register;
    @Autowired
    PostMarketReports reports;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ObjectMapper objectMapper;
    @Autowired
    PostMarketReviewStarter starter;

    Api api;
    String systemId;
    String path;
    Instant from;
    Instant to;

    @BeforeEach
    void registerASystem() {
        api = Api.anonymous(port);
        systemId = TestSystems.register(api, "postmarket");
        path = "/api/systems/" + systemId + "/post-market-reports";
        YearMonth lastMonth = YearMonth.now(ZoneOffset.UTC).minusMonths(1);
        from = lastMonth.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        to = lastMonth.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    @Test
    void aMonthlyReviewCountsTheRegisterAndItsSignedReportIsHashedIntoTheChain() throws Exception {
        seedLastMonth();
        assertThat(reports.duePeriods()).as("the daily check would review last month")
                .contains(new PostMarketReports.ReviewPeriod(systemId, from, to));

        Api.Response requested = api.as("process-owner").post(path, Map.of("from", from.toString(), "to", to.toString()));
        assertThat(requested.status()).as(requested.body()).isEqualTo(201);
        String id = requested.json().get("id").asText();
        Task review = taskService.createTaskQuery().processInstanceBusinessKey(id)
                .taskDefinitionKey(PostMarketReviewProcess.TASK_REVIEW_REPORT).singleResult();
        assertThat(review).isNotNull();
        assertThat(taskService.getVariable(review.getId(), "overrideRate")).isEqualTo(0.4);
        assertThat((String) taskService.getVariable(review.getId(), "reportSummary"))
                .contains("accuracy: 3 signals, min 0.7000, max 0.9000, mean 0.8000; 2 breaches");
        assertThat(api.as("auditor").get(path).json().get(0).get("status").asText()).isEqualTo("OPEN");

        identityService.setAuthentication("process-owner", List.of(Roles.PROCESS_OWNERS));
        taskService.claim(review.getId(), "process-owner");
        taskService.complete(review.getId(), Map.of("conclusions", "Accuracy within plan; 40 % of alerts dismissed",
                "riskRegisterNotes", "R-12 automation bias: review overseer training", "correctiveActionNeeded", false,
                "signOffRole", "Head of AI quality"));
        identityService.clearAuthentication();

        JsonNode listed = api.as("auditor").get(path).json();
        assertThat(listed).hasSize(1);
        JsonNode signed = listed.get(0);
        assertThat(signed.get("status").asText()).isEqualTo("SIGNED");
        assertThat(signed.at("/signOff/userId").asText()).isEqualTo("process-owner");
        assertThat(signed.at("/signOff/name").asText()).isEqualTo("Paul Process-Owner");
        assertThat(signed.at("/signOff/role").asText()).isEqualTo("Head of AI quality");
        String frozen = signed.get("frozenReport").asText();
        String sha256 = signed.get("sha256").asText();
        assertThat(Sha256.of(frozen)).isEqualTo(sha256);

        JsonNode report = objectMapper.readTree(frozen).get("report");
        assertThat(report.get("periodFrom").asText()).isEqualTo(from.toString());
        JsonNode accuracy = report.at("/metrics/0");
        assertThat(accuracy.get("metric").asText()).isEqualTo("accuracy");
        assertThat(accuracy.get("count").asLong()).isEqualTo(3);
        assertThat(accuracy.get("min").asDouble()).isEqualTo(0.7);
        assertThat(accuracy.get("max").asDouble()).isEqualTo(0.9);
        assertThat(accuracy.get("mean").asDouble()).isCloseTo(0.8, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(accuracy.get("breaches").asLong()).isEqualTo(2);
        JsonNode latency = report.at("/metrics/1");
        assertThat(latency.get("metric").asText()).isEqualTo("latency_ms");
        assertThat(latency.get("count").asLong()).as("the signals before and at the period's end are not in it").isEqualTo(2);
        assertThat(latency.get("mean").asDouble()).isEqualTo(150.0);
        assertThat(latency.at("/breachesBySeverity/medium").asLong()).isEqualTo(1);
        assertThat(report.at("/oversight/decisions").asLong()).isEqualTo(5);
        assertThat(report.at("/oversight/byDecision/dismiss").asLong()).isEqualTo(2);
        assertThat(report.at("/oversight/byDecision/keep_watching").asLong()).isEqualTo(1);
        assertThat(report.at("/oversight/byDecision/request_corrective_action").asLong()).isEqualTo(1);
        assertThat(report.at("/oversight/byDecision/stop_system").asLong()).isEqualTo(1);
        assertThat(report.at("/oversight/byDecision/report_incident").asLong()).isZero();
        assertThat(report.at("/oversight/overrideRate").asDouble()).isEqualTo(0.4);
        assertThat(report.at("/stops/stopped").asLong()).isEqualTo(1);
        assertThat(report.at("/stops/resumed").asLong()).isEqualTo(1);
        assertThat(report.at("/incidents/cases").asLong()).isZero();
        assertThat(report.at("/correctiveActions/actions").asLong()).isZero();
        assertThat(report.get("deployerReports").asLong()).isEqualTo(1);
        assertThat(objectMapper.readTree(frozen).at("/review/conclusions").asText()).startsWith("Accuracy within plan");

        JsonNode recorded = api.as("auditor").get("/api/systems/" + systemId + "/logs?type=post_market_report").json();
        assertThat(recorded.findValuesAsText("sha256")).containsExactly(sha256);
        assertThat(recorded.findValuesAsText("postMarketReportId")).containsExactly(id);
        assertThat(signed.get("logSeq").asLong()).isEqualTo(recorded.at("/events/0/seq").asLong());
        JsonNode verification = api.as("auditor").get("/api/systems/" + systemId + "/logs/verify").json();
        assertThat(verification.get("valid").asBoolean()).as(verification.toString()).isTrue();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(id).count()).isZero();
    }

    @Test
    void onDemandDefaultsToTheLastCadencePeriodAndOnlyProcessOwnersMayRequestIt() {
        assertThat(api.as("auditor").post(path, Map.of()).status()).isEqualTo(403);
        Api.Response bad = api.as("process-owner").post(path, Map.of("from", to.toString(), "to", from.toString()));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("field").asText()).isEqualTo("from");

        Api.Response requested = api.as("process-owner").post(path, Map.of());
        assertThat(requested.status()).as(requested.body()).isEqualTo(201);
        Instant end = Instant.parse(requested.json().get("periodTo").asText());
        assertThat(Instant.parse(requested.json().get("periodFrom").asText()))
                .isEqualTo(end.atZone(ZoneOffset.UTC).minusMonths(1).toInstant());
        assertThat(api.as("overseer").get(path).json().get(0).get("trigger").asText()).isEqualTo("on_demand");
    }

    @Test
    void scheduledReviewsFollowTheMonitoringPlansCadenceFromTheLastScheduledPeriod() {
        Api.Response plan = api.as("process-owner").send("PUT", "/api/systems/" + systemId + "/monitoring-plan",
                "application/json", Api.json(Map.of("metrics", List.of(Map.of("name", "accuracy", "category", "performance",
                        "source", "nightly evaluation")), "thresholdsReference", "DMN monitoring-thresholds",
                        "reviewCadence", "P14D", "owners", List.of("process-owners"), "deployerFeedbackChannel", "mailto:f@x.example")));
        assertThat(plan.status()).as(plan.body()).isEqualTo(200);
        Instant monthStart = to;
        PostMarketReports.ReviewPeriod first = new PostMarketReports.ReviewPeriod(systemId, monthStart.minus(Duration.ofDays(14)),
                monthStart);
        assertThat(duePeriodsOfThisSystem()).as("never reviewed: the fortnight up to the first of this month").containsExactly(first);

        starter.start(first, PostMarketReports.SCHEDULED, PostMarketReviewStarter.SCHEDULER);
        assertThatThrownBy(() -> starter.start(first, PostMarketReports.SCHEDULED, PostMarketReviewStarter.SCHEDULER))
                .as("one scheduled review per period").isInstanceOf(DuplicateKeyException.class);

        List<PostMarketReports.ReviewPeriod> expected = new ArrayList<>();
        for (Instant start = monthStart; !start.plus(Duration.ofDays(14)).isAfter(Instant.now()); start = start.plus(Duration.ofDays(14))) {
            expected.add(new PostMarketReports.ReviewPeriod(systemId, start, start.plus(Duration.ofDays(14))));
        }
        assertThat(duePeriodsOfThisSystem()).as("each fortnight since, once it has ended").isEqualTo(expected);
        assertThat(api.as("auditor").get(path).json().get(0).get("trigger").asText()).isEqualTo("scheduled");
        assertThat(api.as("auditor").get(path).json().get(0).get("reviewCadence").asText()).isEqualTo("P14D");
    }

    private List<PostMarketReports.ReviewPeriod> duePeriodsOfThisSystem() {
        return reports.duePeriods().stream().filter(p -> p.aiSystemId().equals(systemId)).toList();
    }

    private void seedLastMonth() {
        List<LogRegister.Entry> entries = new ArrayList<>();
        signal(entries, "accuracy", 0.80, 0);
        signal(entries, "accuracy", 0.90, 86_400);
        signal(entries, "accuracy", 0.70, 2 * 86_400);
        signal(entries, "latency_ms", 120, 3 * 86_400);
        signal(entries, "latency_ms", 180, 4 * 86_400);
        entries.add(new LogRegister.Entry(LogEventType.MONITORING_SIGNAL, from.minusSeconds(1), null, null,
                Map.of("metric", "latency_ms", "value", 5000)));
        entries.add(new LogRegister.Entry(LogEventType.MONITORING_SIGNAL, to, null, null,
                Map.of("metric", "latency_ms", "value", 5000)));
        breach(entries, "accuracy", "high", 5);
        breach(entries, "accuracy", "high", 6);
        breach(entries, "latency_ms", "medium", 7);
        for (String decision : List.of("dismiss", "keep_watching", "dismiss", "request_corrective_action", "stop_system")) {
            entries.add(new LogRegister.Entry(LogEventType.OVERSIGHT_ACTION, day(8), null, null,
                    Map.of("action", "review_decision", "decision", decision, "reason", "seeded")));
        }
        entries.add(new LogRegister.Entry(LogEventType.OVERSIGHT_ACTION, day(8), null, null, Map.of("action", "note")));
        entries.add(new LogRegister.Entry(LogEventType.SYSTEM_STOPPED, day(9), null, null, Map.of("reason", "seeded")));
        entries.add(new LogRegister.Entry(LogEventType.SYSTEM_RESUMED, day(10), null, null, Map.of("reason", "seeded")));
        entries.add(new LogRegister.Entry(LogEventType.DEPLOYER_REPORT, day(11), null, null, Map.of("text", "slow at peak")));
        register.recordAll(systemId, "seed", entries);
    }

    private void signal(List<LogRegister.Entry> entries, String metric, double value, long secondsIn) {
        entries.add(new LogRegister.Entry(LogEventType.MONITORING_SIGNAL, from.plusSeconds(secondsIn), null, null,
                Map.of("metric", metric, "value", value)));
    }

    private void breach(List<LogRegister.Entry> entries, String metric, String severity, int day) {
        entries.add(new LogRegister.Entry(LogEventType.THRESHOLD_BREACH, day(day), null, null,
                Map.of("metric", metric, "severity", severity)));
    }

    private Instant day(int day) {
        return from.plusSeconds(day * 86_400L);
    }
}
