package io.aiactops.deployment;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.aiactops.logs.EvidenceHold;
import io.aiactops.notification.Mailer;
import io.aiactops.platform.security.Roles;
import io.aiactops.registry.Deployer;
import io.aiactops.registry.ModelVersion;
import io.aiactops.registry.ModelVersionStatus;
import io.aiactops.support.ProcessTestEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of model-deployment: complete evidence approved and activated; missing evidence completed
 * first; a failed CI run rejected; a substantial modification referred to a conformity assessment; a
 * no-go; the requester refused as approver; an evidence hold that makes the gate wait until released.
 */
@Deployment(resources = {"model-deployment.bpmn", "change-assessment.dmn", "complete-release-evidence.form",
        "review-release.form", "arrange-conformity-assessment.form"})
class ModelDeploymentProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessTestEngine.extension();

    private static final long RELEASE = 42;
    private static final String SYSTEM = "credit-scoring";
    private static final String REQUESTER = "rita";
    private static final String APPROVER = "paul";

    private final ModelReleases releases = mock(ModelReleases.class);
    private final Mailer mailer = mock(Mailer.class);

    @BeforeEach
    void registerDelegates() {
        when(releases.get(RELEASE)).thenReturn(release(false, false));
        when(releases.evidence(RELEASE)).thenReturn(List.of());
        when(releases.compare(RELEASE)).thenReturn(new MetricComparison("1.0", Map.of("accuracy", new BigDecimal("0.01")), 0));
        when(releases.holds(SYSTEM)).thenReturn(List.of());
        when(releases.activate(RELEASE)).thenReturn(version("2.0", ModelVersionStatus.ACTIVE, "1.0"));
        when(releases.deployers(SYSTEM)).thenReturn(List.of(new Deployer("Bank A", "ops@bank-a.example")));
        Mocks.register("checkEvidenceDelegate", new CheckEvidenceDelegate(releases));
        Mocks.register("checkEvidenceCompletionListener", new CheckEvidenceCompletionListener(releases, Clock.systemUTC()));
        Mocks.register("compareWithActiveVersionDelegate", new CompareWithActiveVersionDelegate(releases));
        Mocks.register("recordChangeAssessmentListener", new RecordChangeAssessmentListener(releases));
        Mocks.register("checkConformityReferralListener", new CheckConformityReferralListener(releases));
        Mocks.register("recordConformityReferralDelegate", new RecordConformityReferralDelegate(releases));
        Mocks.register("checkReleaseReviewListener", new CheckReleaseReviewListener(releases));
        Mocks.register("recordReleaseDecisionDelegate", new RecordReleaseDecisionDelegate(releases));
        Mocks.register("rejectModelVersionDelegate", new RejectModelVersionDelegate(releases));
        Mocks.register("notifyRequesterDelegate", new NotifyRequesterDelegate(mailer, engine.getIdentityService()));
        Mocks.register("activateModelVersionDelegate", new ActivateModelVersionDelegate(releases));
        Mocks.register("notifyDeployersDelegate", new NotifyDeployersDelegate(releases, mailer));
        User rita = engine.getIdentityService().newUser(REQUESTER);
        rita.setEmail("rita@provider.example");
        engine.getIdentityService().saveUser(rita);
    }

    @AfterEach
    void clear() {
        engine.getIdentityService().deleteUser(REQUESTER);
        engine.getIdentityService().clearAuthentication();
        Mocks.reset();
    }

    @Test
    void completeEvidenceIsReviewedByAnotherProcessOwnerAndTheApprovedVersionGoesIntoService() {
        when(releases.check(RELEASE)).thenReturn(complete());

        ProcessInstance release = start();

        assertThat(release).isWaitingAt(ModelDeploymentProcess.TASK_REVIEW_RELEASE)
                .hasPassed(ModelDeploymentProcess.TASK_ASSESS_CHANGE)
                .variables().containsEntry("changeAssessment", ModelDeploymentProcess.WITHIN_PREDETERMINED_CHANGES)
                .containsEntry("checkResult", "All evidence is present and passing.");
        assertThat(task(release)).hasCandidateGroup(Roles.PROCESS_OWNERS);
        verify(releases).recordAssessment(RELEASE, ModelDeploymentProcess.WITHIN_PREDETERMINED_CHANGES);

        decide(release, APPROVER, ModelDeploymentProcess.GO, "Evidence complete, metrics stable");

        verify(releases).recordDecision(RELEASE, true, "Evidence complete, metrics stable", APPROVER);
        assertThat(release).isWaitingAt(ModelDeploymentProcess.TASK_ACTIVATE_VERSION);
        execute(job());
        verify(releases).activate(RELEASE);
        assertThat(release).isWaitingAt(ModelDeploymentProcess.TASK_NOTIFY_DEPLOYERS);
        execute(job());
        verify(mailer).send(eq(List.of("ops@bank-a.example")), eq("AI system credit-scoring: model version 2.0 is in service"),
                anyString());
        assertThat(release).isEnded().hasPassed(ModelDeploymentProcess.END_VERSION_ACTIVE);
    }

    @Test
    void missingEvidenceGoesBackToTheRequesterToCompleteThenIsApproved() {
        when(releases.check(RELEASE)).thenReturn(
                new EvidenceCheck(List.of("cyber-risk analysis"), List.of(), false), complete());

        ProcessInstance release = start();

        assertThat(release).isWaitingAt(ModelDeploymentProcess.TASK_COMPLETE_EVIDENCE)
                .variables().containsEntry("checkResult", "Missing: cyber-risk analysis");
        assertThat(task(release)).hasCandidateUser(REQUESTER).hasCandidateGroup(Roles.PROCESS_OWNERS);
        engine.getIdentityService().setAuthenticatedUserId(REQUESTER);
        taskService().complete(task(release).getId(), Map.of("cyberRiskAnalysisReference", "DOC-SEC-14",
                "trainingDataChanged", false, "intendedPurposeChanged", false));
        engine.getIdentityService().clearAuthentication();

        verify(releases).supply(eq(RELEASE), any(), eq(false), eq(false));
        assertThat(release).isWaitingAt(ModelDeploymentProcess.TASK_REVIEW_RELEASE);
        decide(release, APPROVER, ModelDeploymentProcess.GO, "Evidence completed");
        execute(job());
        execute(job());
        assertThat(release).isEnded().hasPassed(ModelDeploymentProcess.TASK_ACTIVATE_VERSION,
                ModelDeploymentProcess.END_VERSION_ACTIVE);
    }

    @Test
    void aFailedCiRunRejectsTheVersionAndTheRequesterIsTold() {
        // The real rule on a failed run, not a copy of its message.
        when(releases.check(RELEASE)).thenReturn(EvidenceCheck.of(List.of(new Evidence(EvidenceKind.CI_CD_RUN,
                "https://ci.example/991", null, "rita", Instant.now(), "failure", null, null, null, null, null, Map.of())),
                null, true, false));

        ProcessInstance release = start();

        assertThat(release).isWaitingAt(ModelDeploymentProcess.TASK_NOTIFY_REQUESTER)
                .hasNotPassed(ModelDeploymentProcess.TASK_REVIEW_RELEASE);
        verify(releases).reject(RELEASE, "Rejected automatically: CI/CD run https://ci.example/991 ended with status failure",
                RejectModelVersionDelegate.GATE);
        execute(job());
        verify(mailer).send(eq(List.of("rita@provider.example")), eq("Release of model version 2.0 of credit-scoring rejected"),
                anyString());
        assertThat(release).isEnded().hasPassed(ModelDeploymentProcess.END_REJECTED);
        verify(releases, never()).activate(RELEASE);
    }

    @Test
    void aSubstantialModificationNeedsANewConformityAssessmentAndIsNotActivated() {
        when(releases.check(RELEASE)).thenReturn(complete());
        when(releases.get(RELEASE)).thenReturn(release(true, true));
        when(releases.compare(RELEASE)).thenReturn(new MetricComparison("1.0", Map.of("accuracy", new BigDecimal("-0.03")), 0.03));

        ProcessInstance release = start();

        assertThat(release).isWaitingAt(ModelDeploymentProcess.TASK_ARRANGE_CONFORMITY_ASSESSMENT)
                .variables().containsEntry("changeAssessment", ModelDeploymentProcess.SUBSTANTIAL_MODIFICATION);
        engine.getIdentityService().setAuthenticatedUserId(APPROVER);
        taskService().complete(task(release).getId(), Map.of("conformityAssessmentNote", "Notified body NB-0123, audit on 2027-01-15"));

        verify(releases).referToConformityAssessment(RELEASE, "Notified body NB-0123, audit on 2027-01-15", APPROVER);
        assertThat(release).isEnded().hasPassed(ModelDeploymentProcess.END_CONFORMITY_REQUIRED)
                .hasNotPassed(ModelDeploymentProcess.TASK_REVIEW_RELEASE, ModelDeploymentProcess.TASK_ACTIVATE_VERSION);
    }

    @Test
    void aLargeMetricDropAloneIsASubstantialModification() {
        when(releases.check(RELEASE)).thenReturn(complete());
        when(releases.compare(RELEASE)).thenReturn(new MetricComparison("1.0", Map.of("auc", new BigDecimal("-0.06")), 0.06));

        assertThat(start()).isWaitingAt(ModelDeploymentProcess.TASK_ARRANGE_CONFORMITY_ASSESSMENT);
    }

    @Test
    void aNoGoRejectsTheVersionWithTheReviewersReason() {
        when(releases.check(RELEASE)).thenReturn(complete());
        ProcessInstance release = start();

        decide(release, APPROVER, ModelDeploymentProcess.NO_GO, "Sizing too small for the Christmas peak");

        verify(releases).recordDecision(RELEASE, false, "Sizing too small for the Christmas peak", APPROVER);
        verify(releases).reject(RELEASE, "No-go by paul: Sizing too small for the Christmas peak", APPROVER);
        execute(job());
        assertThat(release).isEnded().hasPassed(ModelDeploymentProcess.END_REJECTED);
    }

    @Test
    void theRequesterCannotApproveTheirOwnRelease() {
        when(releases.check(RELEASE)).thenReturn(complete());
        ProcessInstance release = start();

        assertThatThrownBy(() -> decide(release, REQUESTER, ModelDeploymentProcess.GO, "Looks good to me"))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("four eyes");

        assertThat(release).isWaitingAt(ModelDeploymentProcess.TASK_REVIEW_RELEASE);
        verify(releases, never()).recordDecision(RELEASE, true, "Looks good to me", REQUESTER);
    }

    @Test
    void whoeverSuppliedEvidenceCannotDecideEvenIfTheCompletionSaysOtherwise() {
        String supplier = "sam";
        when(releases.check(RELEASE)).thenReturn(complete());
        when(releases.evidence(RELEASE)).thenReturn(List.of(new Evidence(EvidenceKind.CYBER_RISK_ANALYSIS, "DOC-SEC-14",
                null, supplier, Instant.now(), null, null, null, null, null, null, Map.of())));
        ProcessInstance release = start();

        // What the release's records say counts, not variables sent with the completion.
        engine.getIdentityService().setAuthenticatedUserId(supplier);
        try {
            assertThatThrownBy(() -> taskService().complete(task(release).getId(), Map.of("releaseDecision",
                    ModelDeploymentProcess.GO, "decisionReason", "Fine", "requestedBy", "someone-else")))
                    .isInstanceOf(ProcessEngineException.class).hasMessageContaining("You supplied this release's evidence");
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        assertThat(release).isWaitingAt(ModelDeploymentProcess.TASK_REVIEW_RELEASE);
        verify(releases, never()).recordDecision(eq(RELEASE), anyBoolean(), any(), eq(supplier));
    }

    @Test
    void aDecisionCannotBePointedAtAnotherRelease() {
        long other = RELEASE + 1;
        when(releases.check(RELEASE)).thenReturn(complete());
        when(releases.get(other)).thenReturn(new Release(other, SYSTEM, "3.0", ReleaseTrigger.API, Instant.now(), "olga",
                null, false, false, null, ReleaseStatus.IN_REVIEW, null, null, null, null, null, null));
        ProcessInstance release = start();

        engine.getIdentityService().setAuthenticatedUserId(APPROVER);
        try {
            assertThatThrownBy(() -> taskService().complete(task(release).getId(), Map.of("releaseDecision",
                    ModelDeploymentProcess.GO, "decisionReason", "Fine", "releaseId", other)))
                    .isInstanceOf(ProcessEngineException.class).hasMessageContaining("releaseId: this task is about the release of "
                            + SYSTEM + ":2.0");
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        assertThat(release).isWaitingAt(ModelDeploymentProcess.TASK_REVIEW_RELEASE);
        verify(releases, never()).recordDecision(anyLong(), anyBoolean(), any(), any());
    }

    @Test
    void aDecisionNeedsAReason() {
        when(releases.check(RELEASE)).thenReturn(complete());
        ProcessInstance release = start();

        assertThatThrownBy(() -> decide(release, APPROVER, ModelDeploymentProcess.GO, " "))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("decisionReason");
        assertThat(release).isWaitingAt(ModelDeploymentProcess.TASK_REVIEW_RELEASE);
    }

    @Test
    void underAnEvidenceHoldTheGateWaitsAndActivatesOnceTheHoldIsReleased() {
        when(releases.check(RELEASE)).thenReturn(complete());
        EvidenceHold hold = new EvidenceHold(7, SYSTEM, "serious incident classified as reportable", "INC-2026-00001",
                Instant.now(), "incident-manager", null, null, null);
        when(releases.holds(SYSTEM)).thenReturn(List.of(hold), List.of(hold), List.of());
        ProcessInstance release = start();
        decide(release, APPROVER, ModelDeploymentProcess.GO, "Approved");

        execute(job());

        assertThat(release).isWaitingAt(ModelDeploymentProcess.EVENT_HOLD_RECHECK)
                .hasPassed(ModelDeploymentProcess.BOUNDARY_SYSTEM_HELD)
                .variables().containsEntry("holdMessage", "Model version 2.0 of 'credit-scoring' cannot be activated while "
                        + "the system is under " + hold.describe());
        verify(releases, never()).activate(RELEASE);

        execute(job()); // an hour later: still held
        assertThat(release).isWaitingAt(ModelDeploymentProcess.TASK_ACTIVATE_VERSION);
        execute(job());
        assertThat(release).isWaitingAt(ModelDeploymentProcess.EVENT_HOLD_RECHECK);

        execute(job()); // released meanwhile
        execute(job());
        verify(releases).activate(RELEASE);
        assertThat(release).isWaitingAt(ModelDeploymentProcess.TASK_NOTIFY_DEPLOYERS)
                .variables().doesNotContainKey("holdMessage");
        execute(job());
        assertThat(release).isEnded().hasPassed(ModelDeploymentProcess.END_VERSION_ACTIVE);
    }

    private ProcessInstance start() {
        Map<String, Object> variables = new HashMap<>();
        ModelDeploymentVariables.AI_SYSTEM_ID.put(variables, SYSTEM);
        ModelDeploymentVariables.MODEL_VERSION.put(variables, "2.0");
        ModelDeploymentVariables.RELEASE_ID.put(variables, RELEASE);
        ModelDeploymentVariables.REQUESTED_BY.put(variables, REQUESTER);
        ModelDeploymentVariables.HOLD_RECHECK_INTERVAL.put(variables, "PT1H");
        return runtimeService().startProcessInstanceByKey(ModelDeploymentProcess.KEY, SYSTEM + ":2.0", variables);
    }

    private void decide(ProcessInstance release, String reviewer, String decision, String reason) {
        engine.getIdentityService().setAuthenticatedUserId(reviewer);
        try {
            taskService().complete(task(release).getId(), Map.of("releaseDecision", decision, "decisionReason", reason));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private static EvidenceCheck complete() {
        return new EvidenceCheck(List.of(), List.of(), false);
    }

    private static Release release(boolean trainingDataChanged, boolean intendedPurposeChanged) {
        return new Release(RELEASE, SYSTEM, "2.0", ReleaseTrigger.API, Instant.now(), REQUESTER, null, trainingDataChanged,
                intendedPurposeChanged, null, ReleaseStatus.IN_REVIEW, null, null, null, null, null, null);
    }

    private static ModelVersion version(String version, ModelVersionStatus status, String previous) {
        return new ModelVersion(2, SYSTEM, version, "models:/scoring/2", "2".repeat(64), status, previous, Instant.now(),
                REQUESTER, Instant.now(), APPROVER, "Approved");
    }
}
