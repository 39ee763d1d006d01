package io.aiactops.regimes;

import io.aiactops.platform.WireName;

/** A Union incident-reporting regime that may apply to the same incident as Art. 73 (docs/incident-clock.md, §5). */
public enum Regime implements WireName {
    GDPR("GDPR personal-data breach", "Regulation (EU) 2016/679, Art. 33 and 34"),
    NIS2("NIS2 significant incident", "Directive (EU) 2022/2555, Art. 23"),
    DORA("DORA major ICT-related incident", "Regulation (EU) 2022/2554, Art. 19; Delegated Regulation (EU) 2025/301, Art. 5"),
    MDR("MDR/IVDR vigilance", "Regulation (EU) 2017/745, Art. 87; Regulation (EU) 2017/746, Art. 82");

    private final String title;
    private final String legalBasis;

    Regime(String title, String legalBasis) {
        this.title = title;
        this.legalBasis = legalBasis;
    }

    public String title() {
        return title;
    }

    public String legalBasis() {
        return legalBasis;
    }
}
