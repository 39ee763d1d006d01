package io.aiactops.incidents;

/**
 * The paragraphs of Art. 73 that set a reporting deadline and the case each one covers; the number
 * of days is configuration ({@link IncidentsProperties.ReportingPeriods}).
 */
public enum ReportingRule {
    WIDESPREAD_INFRINGEMENT("73(3)", "widespread infringement"),
    CRITICAL_INFRASTRUCTURE("73(3)", "critical infrastructure disruption"),
    DEATH("73(4)", "death"),
    GENERAL("73(2)", "general");

    private final String paragraph;
    private final String caseName;

    ReportingRule(String paragraph, String caseName) {
        this.paragraph = paragraph;
        this.caseName = caseName;
    }

    public String paragraph() {
        return paragraph;
    }

    public String caseName() {
        return caseName;
    }

    boolean appliesTo(IncidentClassification classification) {
        return switch (this) {
            case WIDESPREAD_INFRINGEMENT -> classification.widespread();
            case CRITICAL_INFRASTRUCTURE -> classification.harms().contains(Harm.CRITICAL_INFRASTRUCTURE);
            case DEATH -> classification.harms().contains(Harm.DEATH);
            // 73(2) covers every serious incident; 73(3) and 73(4) only shorten it.
            case GENERAL -> true;
        };
    }
}
