package io.aiactops.incidents;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.stereotype.Component;

/**
 * Whether a classified incident is reportable, and the harms its deadline counts: a serious incident
 * is, unless the system is under an equivalent sectoral regime (Art. 73(9), 73(10)), where only
 * fundamental-rights infringements are. Pure: it reads nothing but the legal clock.
 */
@Component
public class Reportability {

    private final IncidentClock incidentClock;

    public Reportability(IncidentClock incidentClock) {
        this.incidentClock = incidentClock;
    }

    /** What classification decided: reportable or not, why, and the deadlines when it is. */
    public record Outcome(boolean reportable, String reason, ReportingDeadlines deadlines) {
    }

    public Outcome outcome(Classification classification, boolean sectoralRegime, Instant awareAt) {
        if (!classification.serious()) {
            return new Outcome(false, "not a serious incident: " + classification.rationale(), null);
        }
        Set<Harm> counted = EnumSet.copyOf(classification.harms());
        if (sectoralRegime) {
            if (!counted.contains(Harm.FUNDAMENTAL_RIGHTS)) {
                return new Outcome(false, "the system is under an equivalent sectoral regime, which it is "
                        + "reported under; the AI Act asks only for fundamental-rights infringements (Art. 73(9), 73(10))", null);
            }
            counted = EnumSet.of(Harm.FUNDAMENTAL_RIGHTS);
        }
        ReportingDeadlines deadlines = incidentClock.deadlines(new IncidentClassification(counted, classification.widespread()),
                awareAt, memberStates(classification.memberStates()));
        return new Outcome(true, deadlines.period().explanation(), deadlines);
    }

    /** The Member States, trimmed, each once, in order: as the case stores them. */
    static List<String> memberStates(List<String> memberStates) {
        return List.copyOf(new TreeSet<>(memberStates.stream().map(String::trim).toList()));
    }
}
