package io.aiactops.incidents;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.aiactops.platform.WireName;
import io.aiactops.platform.process.ProcessVariable;
import io.aiactops.platform.web.InvalidFieldException;
import io.aiactops.regimes.Regime;
import io.aiactops.regimes.RegimeStage;
import io.aiactops.regimes.StageClock;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The variables of {@code regime-reporting}. The regime's facts, submissions and reports live in our tables
 * ({@link RegimeReporting}); the process holds the case id, the regime, each stage's due date and reminder
 * (which its tasks and timers read) and what the stage forms show and edit. Instants people type are
 * ISO-8601 text. {@code stage} is an input parameter of each stage's elements in the BPMN.
 */
public final class RegimeReportingVariables {

    public static final ProcessVariable<String> INCIDENT_ID = ProcessVariable.of("incidentId", String.class);
    public static final ProcessVariable<String> AI_SYSTEM_ID = ProcessVariable.of("aiSystemId", String.class);
    /** The regime's wire name ({@code gdpr}, {@code nis2}, {@code dora}, {@code mdr}): the first gateway reads it. */
    public static final ProcessVariable<String> REGIME = ProcessVariable.of("regime", String.class);
    /** The stage a task or step is for, e.g. {@code dora_initial}. */
    public static final ProcessVariable<String> STAGE = ProcessVariable.of("stage", String.class);

    // Every stage form
    public static final ProcessVariable<String> SUBMITTED_AT = ProcessVariable.of("submittedAt", String.class);
    public static final ProcessVariable<Boolean> SUBMITTED_THROUGH_PORTAL = ProcessVariable.of("submittedThroughPortal", Boolean.class);
    public static final ProcessVariable<String> PORTAL_REFERENCE = ProcessVariable.of("portalReference", String.class);
    public static final ProcessVariable<String> DELAY_REASONS = ProcessVariable.of("delayReasons", String.class);
    public static final ProcessVariable<String> REPORT_SUMMARY = ProcessVariable.of("reportSummary", String.class);
    public static final ProcessVariable<String> IMPACT = ProcessVariable.of("impact", String.class);
    public static final ProcessVariable<String> MEASURES_TAKEN = ProcessVariable.of("measuresTaken", String.class);
    public static final ProcessVariable<String> ROOT_CAUSE = ProcessVariable.of("rootCause", String.class);
    public static final ProcessVariable<String> CLASSIFICATION_CRITERIA = ProcessVariable.of("classificationCriteria", String.class);
    public static final ProcessVariable<String> CONTACT = ProcessVariable.of("contact", String.class);
    public static final ProcessVariable<String> SUBMITTED_BY = ProcessVariable.of("submittedBy", String.class);

    // GDPR
    public static final ProcessVariable<Boolean> NOTIFICATION_NEEDED = ProcessVariable.of("notificationNeeded", Boolean.class);
    public static final ProcessVariable<String> NOT_NEEDED_REASON = ProcessVariable.of("notNeededReason", String.class);
    public static final ProcessVariable<Boolean> DATA_SUBJECTS_TOLD = ProcessVariable.of("dataSubjectsTold", Boolean.class);
    public static final ProcessVariable<String> DATA_SUBJECTS_EXCEPTION = ProcessVariable.of("dataSubjectsException", String.class);

    // NIS2: what the final report's task submitted, the authority's request, the end of the incident.
    public static final ProcessVariable<String> NIS2_REPORT_KIND = ProcessVariable.of("nis2ReportKind", String.class);
    public static final ProcessVariable<String> REQUEST_DUE_AT = ProcessVariable.of("requestDueAt", String.class);
    public static final ProcessVariable<String> HANDLED_AT = ProcessVariable.of("handledAt", String.class);

    // MDR
    public static final ProcessVariable<Boolean> MDR_REPORT_COMPLETE = ProcessVariable.of("mdrReportComplete", Boolean.class);

    /** What a stage form leaves behind: cleared once recorded, so that the next stage's form starts empty. */
    static final List<ProcessVariable<?>> STAGE_FORM = List.of(SUBMITTED_AT, SUBMITTED_THROUGH_PORTAL, PORTAL_REFERENCE,
            DELAY_REASONS, REPORT_SUMMARY, IMPACT, MEASURES_TAKEN, ROOT_CAUSE, CLASSIFICATION_CRITERIA, CONTACT,
            NOTIFICATION_NEEDED, NOT_NEEDED_REASON, DATA_SUBJECTS_TOLD, DATA_SUBJECTS_EXCEPTION, REQUEST_DUE_AT, HANDLED_AT);

    private RegimeReportingVariables() {
    }

    /** The due date of a stage's task and its deadline timer, e.g. {@code doraInitialDueAt}. */
    public static ProcessVariable<Date> dueAt(RegimeStage stage) {
        return ProcessVariable.of(camel(stage) + "DueAt", Date.class);
    }

    /** The half-way reminder of a stage, e.g. {@code doraInitialReminderAt}. */
    public static ProcessVariable<Date> reminderAt(RegimeStage stage) {
        return ProcessVariable.of(camel(stage) + "ReminderAt", Date.class);
    }

    private static String camel(RegimeStage stage) {
        StringBuilder name = new StringBuilder();
        String[] words = stage.wireName().split("_");
        name.append(words[0]);
        for (int i = 1; i < words.length; i++) {
            name.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return name.toString();
    }

    /**
     * The due date and half-way reminder of every stage whose clock runs, as the tasks and timers read them;
     * a stage whose clock waits (for a previous submission) gets them once it starts.
     */
    static Map<String, Object> clocks(List<StageClock> clocks, IncidentsProperties.Reminders reminders) {
        Map<String, Object> variables = new HashMap<>();
        for (StageClock clock : clocks) {
            if (clock.state() == StageClock.State.DUE) {
                dueAt(clock.stage()).put(variables, Date.from(clock.dueAt()));
                reminderAt(clock.stage()).put(variables, Date.from(reminders.firstReminder(clock.startsAt(), clock.dueAt())));
            }
        }
        return variables;
    }

    /** The variables an instance starts with; the clocks are added by {@link RegimeReportingStarter}. */
    static Map<String, Object> start(String incidentId, String aiSystemId, Regime regime) {
        Map<String, Object> variables = new HashMap<>();
        INCIDENT_ID.put(variables, incidentId);
        AI_SYSTEM_ID.put(variables, aiSystemId);
        REGIME.put(variables, regime.wireName());
        return variables;
    }

    public static Regime regime(VariableScope scope) {
        return WireName.find(Regime.class, REGIME.required(scope)).orElseThrow();
    }

    public static RegimeStage stage(VariableScope scope) {
        return WireName.find(RegimeStage.class, STAGE.required(scope)).orElseThrow(
                () -> new IllegalStateException("the BPMN names an unknown stage: " + STAGE.from(scope)));
    }

    /** What the incident manager entered in a stage's form. */
    static RegimeSubmission submission(VariableScope scope) {
        RegimeStage stage = stage(scope);
        Instant submittedAt = instant(SUBMITTED_AT, scope);
        RegimeSubmission.Content content = new RegimeSubmission.Content(text(scope, REPORT_SUMMARY), text(scope, IMPACT),
                text(scope, MEASURES_TAKEN), text(scope, ROOT_CAUSE), text(scope, CLASSIFICATION_CRITERIA),
                text(scope, CONTACT));
        boolean portal = Boolean.TRUE.equals(SUBMITTED_THROUGH_PORTAL.from(scope));
        RegimeSubmission.Outcome outcome = switch (stage) {
            case GDPR_NOTIFICATION -> Boolean.FALSE.equals(NOTIFICATION_NEEDED.from(scope))
                    ? RegimeSubmission.Outcome.NOT_NEEDED : RegimeSubmission.Outcome.SUBMITTED;
            case GDPR_DATA_SUBJECTS -> Boolean.TRUE.equals(DATA_SUBJECTS_TOLD.from(scope))
                    ? RegimeSubmission.Outcome.TOLD : RegimeSubmission.Outcome.NOT_TOLD;
            case MDR_REPORT -> Boolean.TRUE.equals(MDR_REPORT_COMPLETE.from(scope))
                    ? RegimeSubmission.Outcome.SUBMITTED : RegimeSubmission.Outcome.INCOMPLETE;
            default -> RegimeSubmission.Outcome.SUBMITTED;
        };
        String reason = switch (outcome) {
            case NOT_NEEDED -> text(scope, NOT_NEEDED_REASON);
            case NOT_TOLD -> text(scope, DATA_SUBJECTS_EXCEPTION);
            default -> text(scope, DELAY_REASONS);
        };
        RegimeStage submitted = stage == RegimeStage.NIS2_FINAL && nis2Kind(scope) == Nis2ReportKind.PROGRESS
                ? RegimeStage.NIS2_PROGRESS : stage;
        return new RegimeSubmission(submitted, outcome, portal, text(scope, PORTAL_REFERENCE), submittedAt, reason, content);
    }

    /** What the NIS2 final report's task submitted; {@code final} when the form did not say. */
    static Nis2ReportKind nis2Kind(VariableScope scope) {
        String kind = text(scope, NIS2_REPORT_KIND);
        return kind == null ? Nis2ReportKind.FINAL : WireName.find(Nis2ReportKind.class, kind).orElseThrow(
                () -> new InvalidFieldException(NIS2_REPORT_KIND.name(), "must be one of " + WireName.list(Nis2ReportKind.class)));
    }

    /** What the NIS2 final report's task can record instead of the final report. */
    enum Nis2ReportKind implements WireName {
        FINAL, PROGRESS, INTERMEDIATE_REQUESTED
    }

    static Instant instant(ProcessVariable<String> variable, VariableScope scope) {
        String text = text(scope, variable);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(variable.name(), "must be an ISO-8601 date-time with offset, e.g. 2026-11-25T09:30:00+01:00");
        }
    }

    private static String text(VariableScope scope, ProcessVariable<String> variable) {
        String text = variable.from(scope);
        return text == null || text.isBlank() ? null : text.trim();
    }
}
