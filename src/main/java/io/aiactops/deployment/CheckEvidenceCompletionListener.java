package io.aiactops.deployment;

import io.aiactops.platform.process.TaskRefusal;
import static io.aiactops.deployment.ModelDeploymentVariables.CI_RUN_REFERENCE;
import static io.aiactops.deployment.ModelDeploymentVariables.CI_RUN_STATUS;
import static io.aiactops.deployment.ModelDeploymentVariables.CYBER_RISK_ANALYSIS_REFERENCE;
import static io.aiactops.deployment.ModelDeploymentVariables.INFRASTRUCTURE_SIZING_REFERENCE;
import static io.aiactops.deployment.ModelDeploymentVariables.INTENDED_PURPOSE_CHANGED;
import static io.aiactops.deployment.ModelDeploymentVariables.MODEL_ARTIFACT_SHA256;
import static io.aiactops.deployment.ModelDeploymentVariables.TECHNICAL_DOCUMENTATION_REFERENCE;
import static io.aiactops.deployment.ModelDeploymentVariables.TECHNICAL_DOCUMENTATION_VERSION;
import static io.aiactops.deployment.ModelDeploymentVariables.TEST_REPORT_DATE;
import static io.aiactops.deployment.ModelDeploymentVariables.TEST_REPORT_FAILED;
import static io.aiactops.deployment.ModelDeploymentVariables.TEST_REPORT_METRICS;
import static io.aiactops.deployment.ModelDeploymentVariables.TEST_REPORT_PASSED;
import static io.aiactops.deployment.ModelDeploymentVariables.TEST_REPORT_REFERENCE;
import static io.aiactops.deployment.ModelDeploymentVariables.TEST_REPORT_SHA256;
import static io.aiactops.deployment.ModelDeploymentVariables.TEST_REPORT_SIGNED_BY;
import static io.aiactops.deployment.ModelDeploymentVariables.TRAINING_DATA_CHANGED;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.aiactops.platform.process.ProcessVariable;
import io.aiactops.platform.process.TaskCompleter;
import io.aiactops.platform.web.InvalidFieldException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Complete the release evidence": stores what the form supplies, each filled-in group as one piece of
 * evidence supplied by whoever completes the task (who then may not approve).
 * A bad value keeps the task open with the field named; the check then runs again.
 */
@Component("checkEvidenceCompletionListener")
public class CheckEvidenceCompletionListener implements TaskListener {

    private final ModelReleases releases;
    private final Clock clock;

    public CheckEvidenceCompletionListener(ModelReleases releases, Clock clock) {
        this.releases = releases;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        String by = TaskCompleter.required(task, "Supplying evidence");
        try {
            releases.supply(GateRelease.of(task, releases).id(), items(task, by, clock.instant()), TRAINING_DATA_CHANGED.from(task),
                    INTENDED_PURPOSE_CHANGED.from(task));
        } catch (InvalidFieldException e) {
            throw new TaskRefusal(e.getMessage());
        }
    }

    static List<Evidence> items(DelegateTask task, String by, Instant now) {
        List<Evidence> items = new ArrayList<>();
        String sizing = text(task, INFRASTRUCTURE_SIZING_REFERENCE);
        if (sizing != null) {
            items.add(simple(EvidenceKind.INFRASTRUCTURE_SIZING, sizing, null, by, now));
        }
        String risk = text(task, CYBER_RISK_ANALYSIS_REFERENCE);
        if (risk != null) {
            items.add(simple(EvidenceKind.CYBER_RISK_ANALYSIS, risk, null, by, now));
        }
        String ci = text(task, CI_RUN_REFERENCE);
        if (ci != null) {
            items.add(new Evidence(EvidenceKind.CI_CD_RUN, ci, null, by, now, text(task, CI_RUN_STATUS), null, null, null,
                    null, null, null));
        }
        String report = text(task, TEST_REPORT_REFERENCE);
        if (report != null) {
            items.add(new Evidence(EvidenceKind.TEST_REPORT, report,
                    EvidenceInput.sha256(text(task, TEST_REPORT_SHA256), TEST_REPORT_SHA256.name()), by, now, null,
                    count(task, TEST_REPORT_PASSED), count(task, TEST_REPORT_FAILED),
                    EvidenceInput.instant(text(task, TEST_REPORT_DATE), TEST_REPORT_DATE.name()),
                    text(task, TEST_REPORT_SIGNED_BY), null,
                    EvidenceInput.metrics(text(task, TEST_REPORT_METRICS), TEST_REPORT_METRICS.name())));
        }
        String artifact = text(task, MODEL_ARTIFACT_SHA256);
        if (artifact != null) {
            String sha256 = EvidenceInput.sha256(artifact, MODEL_ARTIFACT_SHA256.name());
            items.add(simple(EvidenceKind.MODEL_ARTIFACT, "sha256:" + sha256, sha256, by, now));
        }
        String documentation = text(task, TECHNICAL_DOCUMENTATION_REFERENCE);
        if (documentation != null) {
            items.add(new Evidence(EvidenceKind.TECHNICAL_DOCUMENTATION, documentation, null, by, now, null, null, null,
                    null, null, text(task, TECHNICAL_DOCUMENTATION_VERSION), null));
        }
        return items;
    }

    private static Evidence simple(EvidenceKind kind, String reference, String sha256, String by, Instant now) {
        return new Evidence(kind, reference, sha256, by, now, null, null, null, null, null, null, null);
    }

    private static String text(DelegateTask task, ProcessVariable<String> variable) {
        String value = variable.from(task);
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > 2000) {
            throw new InvalidFieldException(variable.name(), "at most 2000 characters");
        }
        return value.strip();
    }

    private static Integer count(DelegateTask task, ProcessVariable<Long> variable) {
        Long value = variable.from(task);
        if (value == null) {
            return null;
        }
        if (value < 0 || value > Integer.MAX_VALUE) {
            throw new InvalidFieldException(variable.name(), "must be a whole number from 0");
        }
        return value.intValue();
    }
}
