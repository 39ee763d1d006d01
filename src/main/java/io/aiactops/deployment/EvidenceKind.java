package io.aiactops.deployment;

import java.util.Locale;

import io.aiactops.platform.WireName;
import com.fasterxml.jackson.annotation.JsonValue;

/** The evidence a candidate model version needs before its release is reviewed (Annex IV 2). */
public enum EvidenceKind implements WireName {
    INFRASTRUCTURE_SIZING("infrastructure sizing"),
    CYBER_RISK_ANALYSIS("cyber-risk analysis"),
    CI_CD_RUN("CI/CD run"),
    TEST_REPORT("unit/validation test report"),
    MODEL_ARTIFACT("model artifact digest"),
    TECHNICAL_DOCUMENTATION("technical documentation version");

    private final String label;

    EvidenceKind(String label) {
        this.label = label;
    }

    /** The wire name, e.g. {@code ci-cd-run}. */
    @JsonValue
    @Override
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String label() {
        return label;
    }

    /** The kind with this wire name, or {@code null}. */
    public static EvidenceKind fromWireName(String wireName) {
        return WireName.find(EvidenceKind.class, wireName).orElse(null);
    }

    static String wireNames() {
        return WireName.list(EvidenceKind.class);
    }
}
