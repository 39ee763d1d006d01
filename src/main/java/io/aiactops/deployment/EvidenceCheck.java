package io.aiactops.deployment;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The automatic check of a candidate's evidence: what is missing, what is failing, and whether the
 * CI/CD run failed (which rejects the release outright; everything else can be completed).
 */
public record EvidenceCheck(List<String> missing, List<String> failing, boolean ciFailed) {

    public EvidenceCheck {
        missing = List.copyOf(missing);
        failing = List.copyOf(failing);
    }

    /**
     * The rules: every kind of evidence is there with what its kind needs, the CI/CD run succeeded, no
     * test failed, the artifact is the registered version's file (same SHA-256), and the change is
     * described. The last piece of a kind counts.
     *
     * @param registeredSha256 the SHA-256 the candidate version was registered with
     */
    public static EvidenceCheck of(List<Evidence> evidence, String registeredSha256, Boolean trainingDataChanged,
            Boolean intendedPurposeChanged) {
        Map<EvidenceKind, Evidence> byKind = new EnumMap<>(EvidenceKind.class);
        evidence.forEach(e -> byKind.put(e.kind(), e));
        List<String> missing = new ArrayList<>();
        List<String> failing = new ArrayList<>();
        boolean ciFailed = false;
        for (EvidenceKind kind : EvidenceKind.values()) {
            if (!byKind.containsKey(kind)) {
                missing.add(kind.label());
            }
        }
        Evidence ci = byKind.get(EvidenceKind.CI_CD_RUN);
        if (ci != null) {
            if (ci.runStatus() == null) {
                missing.add("CI/CD run: its status");
            } else if (!Evidence.CI_SUCCESS.equals(ci.runStatus())) {
                ciFailed = true;
                failing.add("CI/CD run " + ci.reference() + " ended with status " + ci.runStatus());
            }
        }
        Evidence report = byKind.get(EvidenceKind.TEST_REPORT);
        if (report != null) {
            if (report.testsPassed() == null || report.testsFailed() == null) {
                missing.add("test report: passed and failed counts");
            } else if (report.testsFailed() > 0) {
                failing.add("test report " + report.reference() + ": " + report.testsFailed() + " test(s) failed");
            }
            if (report.reportedAt() == null) {
                missing.add("test report: its date");
            }
            if (report.signedBy() == null) {
                missing.add("test report: who signed it (Annex IV 2(g))");
            }
        }
        Evidence artifact = byKind.get(EvidenceKind.MODEL_ARTIFACT);
        if (artifact != null) {
            if (artifact.sha256() == null) {
                missing.add("model artifact: its SHA-256");
            } else if (!artifact.sha256().equals(registeredSha256)) {
                failing.add("model artifact: SHA-256 " + artifact.sha256() + " is not the registered version's "
                        + registeredSha256);
            }
        }
        Evidence documentation = byKind.get(EvidenceKind.TECHNICAL_DOCUMENTATION);
        if (documentation != null && documentation.documentVersion() == null) {
            missing.add("technical documentation: its version");
        }
        if (trainingDataChanged == null) {
            missing.add("change description: whether the training data changed");
        }
        if (intendedPurposeChanged == null) {
            missing.add("change description: whether the intended purpose changed");
        }
        return new EvidenceCheck(missing, failing, ciFailed);
    }

    public boolean complete() {
        return missing.isEmpty() && failing.isEmpty();
    }

    /** What Tasklist shows: one line per finding, or that all is there. */
    public String describe() {
        if (complete()) {
            return "All evidence is present and passing.";
        }
        StringBuilder text = new StringBuilder();
        missing.forEach(m -> text.append("Missing: ").append(m).append('\n'));
        failing.forEach(f -> text.append("Failing: ").append(f).append('\n'));
        return text.toString().strip();
    }
}
