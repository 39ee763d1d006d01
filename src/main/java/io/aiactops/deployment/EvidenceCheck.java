package io.aiactops.deployment;

import java.util.List;

/**
 * The automatic check of a candidate's evidence: what is missing, what is failing, and whether the
 * CI/CD run failed (which rejects the release outright; everything else can be completed).
 */
public record EvidenceCheck(List<String> missing, List<String> failing, boolean ciFailed) {

    public EvidenceCheck {
        missing = List.copyOf(missing);
        failing = List.copyOf(failing);
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
