package io.aiactops.incidents;

/** The Art. 73 period that governs an incident's reports: the rule and its length in calendar days. */
public record ReportingPeriod(ReportingRule rule, int days) {

    /** Why this deadline, for people: e.g. "73(3) widespread infringement: 2 days". */
    public String explanation() {
        return rule.paragraph() + " " + rule.caseName() + ": " + days + (days == 1 ? " day" : " days");
    }
}
