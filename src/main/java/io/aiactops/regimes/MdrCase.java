package io.aiactops.regimes;

import io.aiactops.platform.WireName;

/** Which case of MDR Art. 87 (IVDR Art. 82) a serious incident is: it sets the ceiling of the first report. */
public enum MdrCase implements WireName {
    /** 87(3): any serious incident. */
    ANY_SERIOUS_INCIDENT("87(3)", "serious incident"),
    /** 87(4): a serious public health threat. */
    PUBLIC_HEALTH_THREAT("87(4)", "serious public health threat"),
    /** 87(5): death or an unanticipated serious deterioration in a person's state of health. */
    DEATH_OR_SERIOUS_DETERIORATION("87(5)", "death or unanticipated serious deterioration");

    private final String paragraph;
    private final String title;

    MdrCase(String paragraph, String title) {
        this.paragraph = paragraph;
        this.title = title;
    }

    public String paragraph() {
        return paragraph;
    }

    public String title() {
        return title;
    }
}
