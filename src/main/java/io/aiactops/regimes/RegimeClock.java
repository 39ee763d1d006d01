package io.aiactops.regimes;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import io.aiactops.calendar.TimeLimits;
import io.aiactops.calendar.WorkingDays;
import org.springframework.stereotype.Component;

/**
 * When each stage of a regime beside Art. 73 is due, per Member State (docs/incident-clock.md §5). Hours
 * count exactly from the instant (no rounding to the next hour: the conservative reading of Regulation
 * 1182/71, Art. 3(2)(a)); days run on the calendar code of the Art. 73 clock; a month ends on the same day
 * number of the next month (or its last day) at the same local clock time. A stage whose clock starts at
 * an earlier stage's submission waits until that submission is recorded.
 */
@Component
public class RegimeClock {

    // DORA RTS 5(4): a limit on a weekend or bank holiday moves to noon of the next working day.
    private static final LocalTime DORA_RELIEF_TIME = LocalTime.NOON;

    private final RegimesProperties.Periods periods;
    private final TimeLimits timeLimits;
    private final WorkingDays workingDays;

    public RegimeClock(RegimesProperties properties, TimeLimits timeLimits, WorkingDays workingDays) {
        this.periods = properties.periods();
        this.timeLimits = timeLimits;
        this.workingDays = workingDays;
    }

    /** Every stage's clock of {@code regime}, in the order the regime runs them. */
    public List<StageClock> clocks(Regime regime, RegimeFacts facts, String memberState) {
        return RegimeStage.of(regime).stream().map(stage -> clock(stage, facts, memberState)).toList();
    }

    public StageClock clock(RegimeStage stage, RegimeFacts facts, String memberState) {
        ZoneId zone = timeLimits.zone(memberState);
        Instant awareAt = facts.awareAt();
        return switch (stage) {
            case GDPR_NOTIFICATION -> hours(stage, memberState, zone, awareAt, periods.gdprNotification(), "awareness");
            case GDPR_DATA_SUBJECTS -> StageClock.withoutTimeLimit(stage, memberState, zone,
                    "GDPR 34: without undue delay once a high risk to the data subjects is found");
            case NIS2_EARLY_WARNING -> hours(stage, memberState, zone, awareAt, periods.nis2EarlyWarning(), "awareness");
            case NIS2_NOTIFICATION -> facts.nis2TrustService()
                    ? hours(stage, memberState, zone, awareAt, periods.nis2TrustServiceNotification(),
                            "awareness (trust service provider)")
                    : hours(stage, memberState, zone, awareAt, periods.nis2Notification(), "awareness");
            case NIS2_INTERMEDIATE -> facts.nis2IntermediateRequest() == null
                    ? StageClock.waiting(stage, memberState, zone, "the authority's request")
                    : StageClock.due(stage, memberState, zone, facts.nis2IntermediateRequest().requestedAt(),
                            facts.nis2IntermediateRequest().dueAt(), "NIS2 23(4)(c): by the date the authority's request sets");
            case NIS2_PROGRESS -> afterSubmission(stage, memberState, zone, facts, RegimeStage.NIS2_NOTIFICATION,
                    periods.nis2FinalMonths());
            case NIS2_FINAL -> nis2Final(facts, memberState, zone);
            case DORA_INITIAL -> doraInitial(facts, memberState, zone);
            case DORA_INTERMEDIATE -> {
                Instant initialAt = facts.submitted(RegimeStage.DORA_INITIAL);
                yield initialAt == null
                        ? StageClock.waiting(stage, memberState, zone, "the submission of the initial notification")
                        : doraRelief(hours(stage, memberState, zone, initialAt, periods.doraIntermediate(),
                                "the submission of the initial notification"), facts);
            }
            case DORA_FINAL -> {
                StageClock clock = afterSubmission(stage, memberState, zone, facts, RegimeStage.DORA_INTERMEDIATE,
                        periods.doraFinalMonths());
                yield clock.state() == StageClock.State.DUE ? doraRelief(clock, facts) : clock;
            }
            case MDR_REPORT -> mdrReport(facts, memberState, zone);
            case MDR_COMPLETE -> facts.submitted(RegimeStage.MDR_REPORT) == null
                    ? StageClock.waiting(stage, memberState, zone, "the initial (incomplete) report")
                    : StageClock.withoutTimeLimit(stage, memberState, zone,
                            "MDR 87(6): follows the incomplete initial report; the Regulation sets no limit");
        };
    }

    private static StageClock hours(RegimeStage stage, String memberState, ZoneId zone, Instant from, Duration period,
            String fromWhat) {
        return StageClock.due(stage, memberState, zone, from, from.plus(period),
                "%s %s: %d hours from %s".formatted(stage.regime(), stage.article(), period.toHours(), fromWhat));
    }

    private static StageClock months(RegimeStage stage, String memberState, ZoneId zone, Instant from, int months,
            String fromWhat) {
        // Regulation 1182/71, Art. 3(2)(c): the same day number of the month (or its last day), taken
        // at the clock time of the event there rather than at the end of that day: the conservative reading.
        Instant due = from.atZone(zone).plusMonths(months).toInstant();
        return StageClock.due(stage, memberState, zone, from, due, "%s %s: %d %s from %s".formatted(stage.regime(),
                stage.article(), months, months == 1 ? "month" : "months", fromWhat));
    }

    private static StageClock afterSubmission(RegimeStage stage, String memberState, ZoneId zone, RegimeFacts facts,
            RegimeStage previous, int months) {
        Instant previousAt = facts.submitted(previous);
        String what = "the submission of the " + previous.title();
        return previousAt == null
                ? StageClock.waiting(stage, memberState, zone, what)
                : months(stage, memberState, zone, previousAt, months, what);
    }

    /** NIS2 23(4)(d), (e): a month after the notification; after a progress report, a month after the incident was handled. */
    private StageClock nis2Final(RegimeFacts facts, String memberState, ZoneId zone) {
        RegimeStage stage = RegimeStage.NIS2_FINAL;
        if (facts.submitted(RegimeStage.NIS2_PROGRESS) == null) {
            return afterSubmission(stage, memberState, zone, facts, RegimeStage.NIS2_NOTIFICATION, periods.nis2FinalMonths());
        }
        return facts.nis2HandledAt() == null
                ? StageClock.waiting(stage, memberState, zone, "the incident being handled (a progress report was submitted)")
                : months(stage, memberState, zone, facts.nis2HandledAt(), periods.nis2FinalMonths(),
                        "the handling of the incident (23(4)(e))");
    }

    /**
     * DORA RTS 5(1)(a), exactly as the rule reads: classified within the limit from awareness, the earlier of
     * classification + 4 h and awareness + 24 h; classified later, classification + 4 h.
     */
    private StageClock doraInitial(RegimeFacts facts, String memberState, ZoneId zone) {
        RegimeStage stage = RegimeStage.DORA_INITIAL;
        Instant classifiedAt = facts.doraClassifiedAt();
        if (classifiedAt == null) {
            return StageClock.waiting(stage, memberState, zone, "the classification as major");
        }
        Instant latest = facts.awareAt().plus(periods.doraInitialAfterAwareness());
        Duration afterClassification = periods.doraInitialAfterClassification();
        StageClock clock;
        if (classifiedAt.isAfter(latest)) {
            clock = hours(stage, memberState, zone, classifiedAt, afterClassification,
                    "classification as major, made more than %d hours after awareness"
                            .formatted(periods.doraInitialAfterAwareness().toHours()));
        } else if (latest.isBefore(classifiedAt.plus(afterClassification))) {
            clock = hours(stage, memberState, zone, facts.awareAt(), periods.doraInitialAfterAwareness(),
                    "awareness, the latest limit");
        } else {
            clock = hours(stage, memberState, zone, classifiedAt, afterClassification, "classification as major");
        }
        return doraRelief(clock, facts);
    }

    private StageClock doraRelief(StageClock clock, RegimeFacts facts) {
        LocalDate lastDay = LocalDate.ofInstant(clock.dueAt(), clock.zone());
        if (!facts.doraWeekendRelief() || workingDays.isWorkingDay(lastDay, clock.memberState())) {
            return clock;
        }
        Instant moved = workingDays.plusWorkingDays(lastDay, 1, clock.memberState()).atTime(DORA_RELIEF_TIME)
                .atZone(clock.zone()).toInstant();
        return new StageClock(clock.stage(), clock.memberState(), clock.zone(), clock.state(), clock.startsAt(), moved,
                clock.basis() + "; on a weekend or bank holiday, moved to 12:00 of the next working day (RTS 5(4))");
    }

    /** MDR 87(3)-(5): days from awareness on the Art. 73 calendar, the adjusted end being the due date. */
    private StageClock mdrReport(RegimeFacts facts, String memberState, ZoneId zone) {
        MdrCase mdrCase = facts.mdrCase();
        if (mdrCase == null) {
            throw new IllegalArgumentException("an MDR serious incident needs its case of Art. 87 (3), (4) or (5)");
        }
        int days = periods.mdrDays(mdrCase);
        Instant dueAt = timeLimits.days(facts.awareAt(), days, memberState).adjusted().endsAt();
        return StageClock.due(RegimeStage.MDR_REPORT, memberState, zone, facts.awareAt(), dueAt,
                "MDR %s %s: %d days from awareness".formatted(mdrCase.paragraph(), mdrCase.title(), days));
    }
}
