package io.aiactops.incidents;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;

import io.aiactops.calendar.DeadlineWords;
import io.aiactops.calendar.TimeLimit;
import io.aiactops.calendar.TimeLimits;
import org.springframework.stereotype.Component;

/**
 * When the reports of a serious incident are due (Art. 73): the period its classification calls for,
 * counted from the moment the provider became aware, in the calendar of each Member State concerned.
 */
@Component
public class IncidentClock {

    private final IncidentsProperties.ReportingPeriods reportingPeriods;
    private final TimeLimits timeLimits;

    public IncidentClock(IncidentsProperties properties, TimeLimits timeLimits) {
        this.reportingPeriods = properties.reportingPeriods();
        this.timeLimits = timeLimits;
    }

    /**
     * The shortest period among the rules that apply: an incident that is several cases at once must
     * meet the strictest deadline. Among equally short ones the first rule in {@link ReportingRule}'s
     * order names it.
     */
    public ReportingPeriod periodFor(IncidentClassification classification) {
        return Arrays.stream(ReportingRule.values())
                .filter(rule -> rule.appliesTo(classification))
                .map(rule -> new ReportingPeriod(rule, reportingPeriods.days(rule)))
                .min(Comparator.comparingInt(ReportingPeriod::days).thenComparing(ReportingPeriod::rule))
                .orElseThrow();
    }

    /**
     * Until an incident is classified it might be a case of the shortest period: its classification
     * is due by then, counted in hours from awareness (no calendar yet: the Member States may change).
     */
    public Instant classificationDue(Instant awareAt) {
        int shortest = Arrays.stream(ReportingRule.values()).mapToInt(reportingPeriods::days).min().orElseThrow();
        return awareAt.plus(Duration.ofDays(shortest));
    }

    /** An instant of the case in words, in the time of one of its Member States. */
    public String inWords(Instant instant, String memberState) {
        return DeadlineWords.ENGLISH.of(instant, timeLimits.zone(memberState));
    }

    public ReportingDeadlines deadlines(IncidentClassification classification, Instant awareAt,
            Collection<String> memberStates) {
        if (memberStates.isEmpty()) {
            throw new IllegalArgumentException("a serious incident is reported in each Member State where it occurred: name at least one");
        }
        ReportingPeriod period = periodFor(classification);
        List<TimeLimit> limits = new LinkedHashSet<>(memberStates).stream()
                .map(memberState -> timeLimits.days(awareAt, period.days(), memberState))
                .toList();
        return new ReportingDeadlines(awareAt, period, limits);
    }
}
