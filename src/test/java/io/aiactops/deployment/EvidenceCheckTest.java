package io.aiactops.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The rules of the automatic evidence check: one row per way a candidate's evidence can fall short. */
class EvidenceCheckTest {

    private static final String SHA = "a".repeat(64);
    private static final Instant AT = Instant.parse("2026-11-02T10:00:00Z");

    static List<Arguments> rows() {
        return List.of(
                row("everything there and passing", e -> e, List.of(), List.of(), false),
                row("a kind missing", e -> without(e, EvidenceKind.CYBER_RISK_ANALYSIS),
                        List.of("cyber-risk analysis"), List.of(), false),
                row("CI/CD run failed: rejects", e -> with(e, ci("failure")),
                        List.of(), List.of("CI/CD run https://ci.example/991 ended with status failure"), true),
                row("CI/CD run without a status", e -> with(e, ci(null)), List.of("CI/CD run: its status"), List.of(), false),
                row("failed tests", e -> with(e, report(120, 3, AT, "Dr. Tester")),
                        List.of(), List.of("test report tr-7: 3 test(s) failed"), false),
                row("test counts missing", e -> with(e, report(null, null, AT, "Dr. Tester")),
                        List.of("test report: passed and failed counts"), List.of(), false),
                row("missing signer and date", e -> with(e, report(120, 0, null, null)),
                        List.of("test report: its date", "test report: who signed it (Annex IV 2(g))"), List.of(), false),
                row("SHA mismatch", e -> with(e, artifact("b".repeat(64))), List.of(),
                        List.of("model artifact: SHA-256 " + "b".repeat(64) + " is not the registered version's " + SHA), false),
                row("artifact without a SHA", e -> with(e, artifact(null)), List.of("model artifact: its SHA-256"), List.of(),
                        false),
                row("documentation without a version", e -> with(e, documentation(null)),
                        List.of("technical documentation: its version"), List.of(), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void theCheckNamesWhatIsMissingAndWhatFails(String why, UnaryOperator<List<Evidence>> change, List<String> missing,
            List<String> failing, boolean ciFailed) {
        EvidenceCheck check = EvidenceCheck.of(change.apply(complete()), SHA, false, false);

        assertThat(check.missing()).as(why).isEqualTo(missing);
        assertThat(check.failing()).as(why).isEqualTo(failing);
        assertThat(check.ciFailed()).as(why).isEqualTo(ciFailed);
        assertThat(check.complete()).as(why).isEqualTo(missing.isEmpty() && failing.isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changeDescriptions")
    void theChangeMustBeDescribed(String why, Boolean trainingDataChanged, Boolean intendedPurposeChanged, List<String> missing) {
        assertThat(EvidenceCheck.of(complete(), SHA, trainingDataChanged, intendedPurposeChanged).missing()).as(why)
                .isEqualTo(missing);
    }

    static List<Arguments> changeDescriptions() {
        return List.of(
                Arguments.of("both said", true, false, List.of()),
                Arguments.of("training data not said", null, false, List.of("change description: whether the training data changed")),
                Arguments.of("intended purpose not said", false, null,
                        List.of("change description: whether the intended purpose changed")));
    }

    private static Arguments row(String why, UnaryOperator<List<Evidence>> change, List<String> missing, List<String> failing,
            boolean ciFailed) {
        return Arguments.of(why, change, missing, failing, ciFailed);
    }

    private static List<Evidence> complete() {
        return List.of(evidence(EvidenceKind.INFRASTRUCTURE_SIZING, "doc-1"), evidence(EvidenceKind.CYBER_RISK_ANALYSIS, "doc-2"),
                ci("success"), report(120, 0, AT, "Dr. Tester"), artifact(SHA), documentation("4.2"));
    }

    private static List<Evidence> without(List<Evidence> evidence, EvidenceKind kind) {
        return evidence.stream().filter(e -> e.kind() != kind).toList();
    }

    /** A later piece of the same kind replaces the earlier one, as a completed task supplies it. */
    private static List<Evidence> with(List<Evidence> evidence, Evidence replacement) {
        List<Evidence> changed = new ArrayList<>(evidence);
        changed.add(replacement);
        return changed;
    }

    private static Evidence evidence(EvidenceKind kind, String reference) {
        return new Evidence(kind, reference, null, "rita", AT, null, null, null, null, null, null, Map.of());
    }

    private static Evidence ci(String status) {
        return new Evidence(EvidenceKind.CI_CD_RUN, "https://ci.example/991", null, "rita", AT, status, null, null, null, null,
                null, Map.of());
    }

    private static Evidence report(Integer passed, Integer failed, Instant reportedAt, String signedBy) {
        return new Evidence(EvidenceKind.TEST_REPORT, "tr-7", null, "rita", AT, null, passed, failed, reportedAt, signedBy, null,
                Map.of());
    }

    private static Evidence artifact(String sha256) {
        return new Evidence(EvidenceKind.MODEL_ARTIFACT, "s3://models/2.0", sha256, "rita", AT, null, null, null, null, null, null,
                Map.of());
    }

    private static Evidence documentation(String version) {
        return new Evidence(EvidenceKind.TECHNICAL_DOCUMENTATION, "td", null, "rita", AT, null, null, null, null, null, version,
                Map.of());
    }
}
