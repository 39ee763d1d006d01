package io.aiactops.maintenance;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.identityService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import io.aiactops.calendar.Calendars;
import io.aiactops.correctiveaction.CorrectiveActionOrigin;
import io.aiactops.correctiveaction.CorrectiveActionRequested;
import io.aiactops.support.ProcessTestEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of post-market-review: the daily cadence check starting the due reviews, a review on
 * demand signed off without and with a corrective action (handed over by the start message), and a
 * sign-off refused without conclusions or without the reason for a corrective action.
 */
@Deployment(resources = {"post-market-review.bpmn", "review-post-market-report.form", "corrective-action.bpmn",
        "decide-corrective-action.form", "verify-effectiveness.form"})
class PostMarketReviewProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessTestEngine.extension();

    private static final Instant OCTOBER = Instant.parse("2026-10-01T00:00:00Z");
    private static final Instant NOVEMBER = Instant.parse("2026-11-01T00:00:00Z");
    private static final PostMarketReports.ReviewPeriod PERIOD = new PostMarketReports.ReviewPeriod("sys-a", OCTOBER, NOVEMBER);

    private final PostMarketReports reports = mock(PostMarketReports.class);
    private final CorrectiveActions actions = mock(CorrectiveActions.class);
    private PostMarketReviewStarter starter;

    @BeforeEach
    void registerDelegates() {
        starter = new PostMarketReviewStarter(runtimeService(), reports);
        when(reports.open(any(), any(), any())).thenReturn("PMR-2026-00001");
        when(reports.compile(any())).thenReturn(findings());
        when(reports.signOff(any(), any(), any(), any(), any())).thenReturn(new PostMarketReport("PMR-2026-00001", "sys-a",
                OCTOBER, NOVEMBER, "P1M", "on_demand", "SIGNED", "ab".repeat(32), 7L, null, null, Instant.now(), "olivia", "{}"));
        Mocks.register("startDueReviewsDelegate", new StartDueReviewsDelegate(reports, starter));
        Mocks.register("compilePostMarketReportDelegate", new CompilePostMarketReportDelegate(reports));
        Mocks.register("checkPostMarketReviewListener", new CheckPostMarketReviewListener(Clock.systemUTC()));
        Mocks.register("signOffPostMarketReportDelegate", new SignOffPostMarketReportDelegate(reports));
        Mocks.register("handOverCorrectiveActionDelegate", new HandOverCorrectiveActionDelegate(
                event -> new CorrectiveActionRequestCorrelation(runtimeService()).on((CorrectiveActionRequested) event)));
        when(actions.open(any(), any())).thenReturn("CA-2026-00009");
        when(actions.get("CA-2026-00009")).thenReturn(new CorrectiveAction("CA-2026-00009", "sys-a", "Retrain on Q3 data",
                "post_market_review", "PMR-2026-00001", null, null, null, null, null, null, null, null, null, null, null, null,
                "OPEN", null, List.of(), Instant.now(), "paul", null, null, null));
        Mocks.register("openCorrectiveActionDelegate", new OpenCorrectiveActionDelegate(actions,
                new MaintenanceProperties(15, Duration.ofDays(7), Duration.ofDays(7)), Calendars.timeLimits()));
        User paul = identityService().newUser("paul");
        paul.setFirstName("Paul");
        paul.setLastName("Owner");
        identityService().saveUser(paul);
    }

    @AfterEach
    void clear() {
        identityService().deleteUser("paul");
        Mocks.reset();
    }

    @Test
    void theDailyCadenceCheckAt5StartsAReviewOfEveryDuePeriod() {
        Job check = managementService().createJobQuery().processDefinitionKey(PostMarketReviewProcess.KEY).timers().singleResult();
        org.assertj.core.api.Assertions.assertThat(check.getDuedate().toInstant().atZone(ZoneId.systemDefault()).toLocalTime())
                .isEqualTo(LocalTime.of(5, 0));
        PostMarketReports.ReviewPeriod september = new PostMarketReports.ReviewPeriod("sys-b",
                Instant.parse("2026-09-01T00:00:00Z"), OCTOBER);
        when(reports.duePeriods()).thenReturn(List.of(PERIOD, september));
        when(reports.open(september, PostMarketReports.SCHEDULED, PostMarketReviewStarter.SCHEDULER)).thenReturn("PMR-2026-00002");

        execute(check);

        List<ProcessInstance> reviews = runtimeService().createProcessInstanceQuery().processDefinitionKey(PostMarketReviewProcess.KEY)
                .orderByBusinessKey().asc().list();
        org.assertj.core.api.Assertions.assertThat(reviews).extracting(ProcessInstance::getBusinessKey)
                .containsExactly("PMR-2026-00001", "PMR-2026-00002");
        reviews.forEach(review -> assertThat(review).isWaitingAt(PostMarketReviewProcess.TASK_REVIEW_REPORT)
                .hasPassed(PostMarketReviewProcess.TASK_COMPILE_REPORT).variables().containsEntry("reviewTrigger", "scheduled"));
        assertThat(reviews.get(1)).variables().containsEntry("aiSystemId", "sys-b")
                .containsEntry("periodFrom", "2026-09-01T00:00:00Z").containsEntry("periodTo", "2026-10-01T00:00:00Z");
        verify(reports).open(PERIOD, PostMarketReports.SCHEDULED, PostMarketReviewStarter.SCHEDULER);
        org.assertj.core.api.Assertions.assertThat(managementService().createJobQuery()
                .processDefinitionKey(PostMarketReviewProcess.KEY).timers().count()).as("the next day's check").isEqualTo(1);
    }

    @Test
    void aReviewOnDemandShowsTheReportAndSignOffFreezesItWithoutACorrectiveAction() {
        ProcessInstance review = startOnDemand();
        assertThat(review).isWaitingAt(PostMarketReviewProcess.TASK_REVIEW_REPORT).hasBusinessKey("PMR-2026-00001");
        assertThat(task(review)).hasCandidateGroup("process-owners");
        assertThat(review).variables().containsEntry("overrideRate", 0.4)
                .hasEntrySatisfying("reportSummary", s -> org.assertj.core.api.Assertions.assertThat((String) s)
                        .contains("accuracy: 3 signals, min 0.7000, max 0.9000, mean 0.8000; 2 breaches")
                        .contains("override/dismiss rate 40.0 % (2 dismissed)"));

        signOff(review, withVariables("conclusions", "Accuracy stable; dismiss rate high, retrain overseers",
                "riskRegisterNotes", "R-12 automation bias: likelihood up", "correctiveActionNeeded", false,
                "signOffRole", "Head of AI quality"));

        assertThat(review).isEnded().hasPassed(PostMarketReviewProcess.END_SIGNED_OFF)
                .hasNotPassed(PostMarketReviewProcess.TASK_REQUEST_CORRECTIVE_ACTION)
                .variables().containsEntry("reportSha256", "ab".repeat(32)).containsEntry("signedOffName", "Paul Owner");
        verify(reports).signOff(eq("PMR-2026-00001"), eq("Accuracy stable; dismiss rate high, retrain overseers"),
                eq("R-12 automation bias: likelihood up"), isNull(), argThat(s -> s.userId().equals("paul")
                        && s.name().equals("Paul Owner") && s.role().equals("Head of AI quality") && s.at() != null));
        org.assertj.core.api.Assertions.assertThat(runtimeService().createProcessInstanceQuery()
                .processDefinitionKey(CorrectiveActionProcess.KEY).count()).isZero();
    }

    @Test
    void aCorrectiveActionTheReviewAsksForIsHandedOverByTheStartMessage() {
        ProcessInstance review = startOnDemand();

        signOff(review, withVariables("conclusions", "Accuracy drifted below the plan's 0.80", "correctiveActionNeeded", true,
                "correctiveActionReason", "Retrain on Q3 data", "signOffRole", "Head of AI quality"));

        assertThat(review).isEnded().hasPassed(PostMarketReviewProcess.TASK_REQUEST_CORRECTIVE_ACTION,
                PostMarketReviewProcess.END_CORRECTIVE_ACTION_REQUESTED);
        verify(reports).signOff(eq("PMR-2026-00001"), any(), isNull(), eq("Retrain on Q3 data"), any());
        ProcessInstance action = runtimeService().createProcessInstanceQuery().processDefinitionKey(CorrectiveActionProcess.KEY)
                .singleResult();
        assertThat(action).isWaitingAt(CorrectiveActionProcess.TASK_DECIDE).hasBusinessKey("CA-2026-00009").variables()
                .containsEntry("aiSystemId", "sys-a").containsEntry("reason", "Retrain on Q3 data")
                .containsEntry("origin", "post_market_review").containsEntry("reference", "PMR-2026-00001")
                .containsEntry("requestedBy", "paul");
        verify(actions).open(argThat(r -> r.origin() == CorrectiveActionOrigin.POST_MARKET_REVIEW
                && "PMR-2026-00001".equals(r.reference()) && "Retrain on Q3 data".equals(r.reason())), eq("paul"));
    }

    @Test
    void signOffIsRefusedWithoutConclusionsOrWithoutTheReasonForACorrectiveAction() {
        ProcessInstance review = startOnDemand();
        taskService().claim(task(review).getId(), "paul");

        assertThatThrownBy(() -> complete(task(review), withVariables("signOffRole", "Head of AI quality")))
                .hasMessageContaining("conclusions");
        assertThatThrownBy(() -> complete(task(review), withVariables("conclusions", " ", "signOffRole", "Head of AI quality")))
                .hasMessageContaining("conclusions");
        assertThatThrownBy(() -> complete(task(review), withVariables("conclusions", "Fine")))
                .hasMessageContaining("signOffRole");
        assertThatThrownBy(() -> complete(task(review), withVariables("conclusions", "Fine", "signOffRole", "QA",
                "correctiveActionNeeded", true))).hasMessageContaining("correctiveActionReason");

        assertThat(review).isWaitingAt(PostMarketReviewProcess.TASK_REVIEW_REPORT);
        verify(reports, never()).signOff(any(), any(), any(), any(), any());
    }

    private ProcessInstance startOnDemand() {
        starter.start(PERIOD, PostMarketReports.ON_DEMAND, "olivia");
        verify(reports).open(PERIOD, PostMarketReports.ON_DEMAND, "olivia");
        return runtimeService().createProcessInstanceQuery().processInstanceBusinessKey("PMR-2026-00001").singleResult();
    }

    private void signOff(ProcessInstance review, Map<String, Object> variables) {
        taskService().claim(task(review).getId(), "paul");
        complete(task(review), variables);
    }

    private static PostMarketFindings findings() {
        return new PostMarketFindings("sys-a", OCTOBER, NOVEMBER, NOVEMBER,
                List.of(new PostMarketFindings.MetricFindings("accuracy", 3, 0.7, 0.9, 0.8, 2, Map.of("high", 2L))),
                new PostMarketFindings.Oversight(5, Map.of("dismiss", 2L, "keep_watching", 3L), 2, 0.4),
                new PostMarketFindings.Stops(0, 0), new PostMarketFindings.Incidents(0, 0, 0, List.of(), Map.of()),
                new PostMarketFindings.CorrectiveActionFindings(0, Map.of()), 0);
    }
}
