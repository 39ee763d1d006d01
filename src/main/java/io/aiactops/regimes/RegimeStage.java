package io.aiactops.regimes;

import java.util.Arrays;
import java.util.List;

import io.aiactops.platform.WireName;

/** One report or decision a regime asks for, in the order the regime runs them. */
public enum RegimeStage implements WireName {
    GDPR_NOTIFICATION(Regime.GDPR, "33(1)", "notification of the supervisory authority"),
    GDPR_DATA_SUBJECTS(Regime.GDPR, "34", "decision on telling the data subjects"),
    NIS2_EARLY_WARNING(Regime.NIS2, "23(4)(a)", "early warning"),
    NIS2_NOTIFICATION(Regime.NIS2, "23(4)(b)", "incident notification"),
    NIS2_INTERMEDIATE(Regime.NIS2, "23(4)(c)", "intermediate report on request"),
    NIS2_PROGRESS(Regime.NIS2, "23(4)(e)", "progress report"),
    NIS2_FINAL(Regime.NIS2, "23(4)(d)", "final report"),
    DORA_INITIAL(Regime.DORA, "RTS 5(1)(a)", "initial notification"),
    DORA_INTERMEDIATE(Regime.DORA, "RTS 5(1)(b)", "intermediate report"),
    DORA_FINAL(Regime.DORA, "RTS 5(1)(c)", "final report"),
    MDR_REPORT(Regime.MDR, "87(3)-(5)", "serious-incident report"),
    MDR_COMPLETE(Regime.MDR, "87(6)", "complete report");

    private final Regime regime;
    private final String article;
    private final String title;

    RegimeStage(Regime regime, String article, String title) {
        this.regime = regime;
        this.article = article;
        this.title = title;
    }

    public Regime regime() {
        return regime;
    }

    public String article() {
        return article;
    }

    public String title() {
        return title;
    }

    public static List<RegimeStage> of(Regime regime) {
        return Arrays.stream(values()).filter(stage -> stage.regime == regime).toList();
    }
}
