package io.aiactops.deployment;

import static io.aiactops.deployment.ModelDeploymentVariables.CHECK_RESULT;
import static io.aiactops.deployment.ModelDeploymentVariables.EVIDENCE_STATUS;
import static io.aiactops.deployment.ModelDeploymentVariables.EVIDENCE_SUMMARY;
import static io.aiactops.deployment.ModelDeploymentVariables.RELEASE_ID;
import static io.aiactops.deployment.ModelDeploymentVariables.REJECTION_REASON;

import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The automatic evidence check: complete, incomplete (the requester completes it) or a failed CI/CD run. */
@Component("checkEvidenceDelegate")
public class CheckEvidenceDelegate implements JavaDelegate {

    private final ModelReleases releases;

    public CheckEvidenceDelegate(ModelReleases releases) {
        this.releases = releases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long releaseId = RELEASE_ID.required(execution);
        EvidenceCheck check = releases.check(releaseId);
        CHECK_RESULT.set(execution, check.describe());
        EVIDENCE_SUMMARY.set(execution, releases.evidence(releaseId).stream().map(CheckEvidenceDelegate::line)
                .collect(Collectors.joining("\n")));
        if (check.ciFailed()) {
            EVIDENCE_STATUS.set(execution, ModelDeploymentProcess.EVIDENCE_CI_FAILED);
            REJECTION_REASON.set(execution, "Rejected automatically: " + String.join("; ", check.failing()));
        } else {
            EVIDENCE_STATUS.set(execution, check.complete() ? ModelDeploymentProcess.EVIDENCE_COMPLETE
                    : ModelDeploymentProcess.EVIDENCE_INCOMPLETE);
        }
    }

    static String line(Evidence e) {
        StringBuilder text = new StringBuilder(e.kind().label()).append(": ").append(e.reference());
        if (e.sha256() != null) {
            text.append(" (SHA-256 ").append(e.sha256()).append(')');
        }
        if (e.runStatus() != null) {
            text.append(", status ").append(e.runStatus());
        }
        if (e.testsPassed() != null || e.testsFailed() != null) {
            text.append(", ").append(e.testsPassed()).append(" passed, ").append(e.testsFailed()).append(" failed");
        }
        if (e.reportedAt() != null) {
            text.append(", dated ").append(e.reportedAt());
        }
        if (e.signedBy() != null) {
            text.append(", signed by ").append(e.signedBy());
        }
        if (e.documentVersion() != null) {
            text.append(", version ").append(e.documentVersion());
        }
        if (!e.metrics().isEmpty()) {
            text.append(", metrics ").append(new java.util.TreeMap<>(e.metrics()));
        }
        return text.append(" — supplied by ").append(e.suppliedBy()).append(" at ").append(e.suppliedAt()).toString();
    }
}
