package io.aiactops.incidents;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.aiactops.platform.WireName;
import io.aiactops.platform.process.ProcessVariable;
import io.aiactops.platform.web.InvalidFieldException;
import io.aiactops.regimes.MdrCase;
import io.aiactops.regimes.Regime;
import io.aiactops.regimes.RegimeChoice;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The variables of {@code serious-incident}. The case itself lives in our tables ({@link IncidentCases});
 * the process holds its id, what its forms show and edit, and the dates its timers and tasks read.
 * Instants people type are ISO-8601 text; Member States are one text, e.g. "FR, DE".
 */
public final class SeriousIncidentVariables {

    // Intake: the start form, the API and the oversight review set these.
    public static final ProcessVariable<String> AI_SYSTEM_ID = ProcessVariable.of("aiSystemId", String.class);
    public static final ProcessVariable<String> DESCRIPTION = ProcessVariable.of("description", String.class);
    public static final ProcessVariable<String> OCCURRED_AT = ProcessVariable.of("occurredAt", String.class);
    public static final ProcessVariable<String> AWARE_AT = ProcessVariable.of("awareAt", String.class);
    public static final ProcessVariable<String> REPORTER = ProcessVariable.of("reporter", String.class);
    public static final ProcessVariable<String> REPORTER_CONTACT = ProcessVariable.of("reporterContact", String.class);
    public static final ProcessVariable<String> MEMBER_STATES = ProcessVariable.of("memberStates", String.class);
    public static final ProcessVariable<Long> PERSONS_AFFECTED = ProcessVariable.of("personsAffected", Long.class);
    public static final ProcessVariable<String> DEPLOYER_REFERENCE = ProcessVariable.of("deployerReference", String.class);
    public static final ProcessVariable<String> ORIGIN = ProcessVariable.of("origin", String.class);
    public static final ProcessVariable<Boolean> REPORTED_BY_DEPLOYER = ProcessVariable.of("reportedByDeployer", Boolean.class);
    /** The Tasklist user who started the case from the start form (the start event's initiator). */
    public static final ProcessVariable<String> STARTED_BY = ProcessVariable.of("startedBy", String.class);

    public static final ProcessVariable<String> INCIDENT_ID = ProcessVariable.of("incidentId", String.class);
    public static final ProcessVariable<Date> CLASSIFICATION_DUE_AT = ProcessVariable.of("classificationDueAt", Date.class);
    /** The same due time in words, in the first Member State's time, for the form. */
    public static final ProcessVariable<String> CLASSIFICATION_DUE_IN_WORDS = ProcessVariable.of("classificationDueInWords", String.class);

    // Classify incident
    public static final ProcessVariable<Boolean> SERIOUS = ProcessVariable.of("serious", Boolean.class);
    public static final ProcessVariable<Boolean> WIDESPREAD = ProcessVariable.of("widespread", Boolean.class);
    public static final ProcessVariable<String> CAUSAL_LINK = ProcessVariable.of("causalLink", String.class);
    public static final ProcessVariable<String> CAUSAL_LINK_AT = ProcessVariable.of("causalLinkAt", String.class);
    public static final ProcessVariable<String> CLASSIFICATION_RATIONALE = ProcessVariable.of("classificationRationale", String.class);
    public static final ProcessVariable<Boolean> CORRECTIVE_ACTION_REQUESTED = ProcessVariable.of("correctiveActionRequested", Boolean.class);
    public static final ProcessVariable<String> CORRECTIVE_ACTION_REASON = ProcessVariable.of("correctiveActionReason", String.class);
    public static final ProcessVariable<String> CLASSIFIED_BY = ProcessVariable.of("classifiedBy", String.class);

    // Outcome of the classification
    public static final ProcessVariable<Boolean> REPORTABLE = ProcessVariable.of("reportable", Boolean.class);
    public static final ProcessVariable<String> REPORTABILITY = ProcessVariable.of("reportability", String.class);
    public static final ProcessVariable<String> DEADLINES_SUMMARY = ProcessVariable.of("deadlinesSummary", String.class);
    public static final ProcessVariable<Date> REPORT_DUE_AT = ProcessVariable.of("reportDueAt", Date.class);
    public static final ProcessVariable<Date> FIRST_REMINDER_AT = ProcessVariable.of("firstReminderAt", Date.class);
    public static final ProcessVariable<Date> SECOND_REMINDER_AT = ProcessVariable.of("secondReminderAt", Date.class);
    /** Set before closing: every regime the case started beside Art. 73 is finished or waived. */
    public static final ProcessVariable<Boolean> OTHER_REGIMES_FINISHED = ProcessVariable.of("otherRegimesFinished", Boolean.class);

    // Prepare authority report (sections of the draft template)
    public static final ProcessVariable<String> REPORT_TYPE = ProcessVariable.of("reportType", String.class);
    public static final ProcessVariable<String> AUTHORITY_REFERENCE = ProcessVariable.of("authorityReference", String.class);
    public static final ProcessVariable<String> SUBMITTER_ROLE = ProcessVariable.of("submitterRole", String.class);
    public static final ProcessVariable<String> SUBMITTER_NAME = ProcessVariable.of("submitterName", String.class);
    public static final ProcessVariable<String> SUBMITTER_CONTACT = ProcessVariable.of("submitterContact", String.class);
    public static final ProcessVariable<String> MODEL_VERSION = ProcessVariable.of("modelVersion", String.class);
    public static final ProcessVariable<String> SOFTWARE_VERSION = ProcessVariable.of("softwareVersion", String.class);
    public static final ProcessVariable<String> EFFECTS = ProcessVariable.of("effects", String.class);
    public static final ProcessVariable<String> LIKELY_CAUSALITY = ProcessVariable.of("likelyCausality", String.class);
    public static final ProcessVariable<String> OPERATOR = ProcessVariable.of("operator", String.class);
    public static final ProcessVariable<String> REMEDIAL_ACTIONS = ProcessVariable.of("remedialActions", String.class);
    public static final ProcessVariable<String> FIRST_REPORTED_BY = ProcessVariable.of("firstReportedBy", String.class);
    public static final ProcessVariable<String> PRELIMINARY_RESULTS = ProcessVariable.of("preliminaryResults", String.class);
    public static final ProcessVariable<String> INITIAL_CORRECTIVE_ACTIONS = ProcessVariable.of("initialCorrectiveActions", String.class);
    public static final ProcessVariable<String> PLANNED_INVESTIGATIONS = ProcessVariable.of("plannedInvestigations", String.class);
    public static final ProcessVariable<String> ROOT_CAUSE = ProcessVariable.of("rootCause", String.class);
    public static final ProcessVariable<Boolean> RISK_ASSESSMENT_REVIEWED = ProcessVariable.of("riskAssessmentReviewed", Boolean.class);
    public static final ProcessVariable<Boolean> RISK_ASSESSMENT_STILL_HOLDS = ProcessVariable.of("riskAssessmentStillHolds", Boolean.class);
    public static final ProcessVariable<String> NON_REPORTABLE_REASON = ProcessVariable.of("nonReportableReason", String.class);
    public static final ProcessVariable<String> GENERAL_COMMENTS = ProcessVariable.of("generalComments", String.class);
    public static final ProcessVariable<Long> REPORT_NUMBER = ProcessVariable.of("reportNumber", Long.class);
    public static final ProcessVariable<String> REPORT_PREPARED_BY = ProcessVariable.of("reportPreparedBy", String.class);
    public static final ProcessVariable<Boolean> FINAL_REPORT_PREPARED = ProcessVariable.of("finalReportPrepared", Boolean.class);
    /** Due date of the investigation tasks and the next report (aiact.incidents.next-report-within). */
    public static final ProcessVariable<Date> NEXT_REPORT_DUE_AT = ProcessVariable.of("nextReportDueAt", Date.class);

    // Investigation
    public static final ProcessVariable<String> INVESTIGATION_FINDINGS = ProcessVariable.of("investigationFindings", String.class);
    public static final ProcessVariable<String> RISK_ASSESSMENT_NOTES = ProcessVariable.of("riskAssessmentNotes", String.class);
    public static final ProcessVariable<Boolean> PLANNED_CHANGE_NOTIFIED = ProcessVariable.of("plannedChangeNotified", Boolean.class);
    public static final ProcessVariable<String> PLANNED_CHANGE = ProcessVariable.of("plannedChange", String.class);
    public static final ProcessVariable<String> INVESTIGATED_BY = ProcessVariable.of("investigatedBy", String.class);

    // One checkbox per harm of Art. 3(49) and per other regime of the draft template.
    public static final ProcessVariable<Boolean> HARM_DEATH = ProcessVariable.of("harmDeath", Boolean.class);
    public static final ProcessVariable<Boolean> HARM_HEALTH = ProcessVariable.of("harmHealth", Boolean.class);
    public static final ProcessVariable<Boolean> HARM_CRITICAL_INFRASTRUCTURE = ProcessVariable.of("harmCriticalInfrastructure", Boolean.class);
    public static final ProcessVariable<Boolean> HARM_FUNDAMENTAL_RIGHTS = ProcessVariable.of("harmFundamentalRights", Boolean.class);
    public static final ProcessVariable<Boolean> HARM_PROPERTY = ProcessVariable.of("harmProperty", Boolean.class);
    public static final ProcessVariable<Boolean> HARM_ENVIRONMENT = ProcessVariable.of("harmEnvironment", Boolean.class);
    public static final ProcessVariable<Boolean> REGIME_GDPR = ProcessVariable.of("regimeGdpr", Boolean.class);
    public static final ProcessVariable<Boolean> REGIME_NIS2 = ProcessVariable.of("regimeNis2", Boolean.class);
    public static final ProcessVariable<Boolean> REGIME_DORA = ProcessVariable.of("regimeDora", Boolean.class);
    public static final ProcessVariable<Boolean> REGIME_MDR = ProcessVariable.of("regimeMdr", Boolean.class);

    // The regimes that apply beside Art. 73 and the facts their clocks need (regimeGdpr … above only say
    // where the incident was already reported). A blank moment of awareness is the AI Act's.
    public static final ProcessVariable<Boolean> GDPR_APPLIES = ProcessVariable.of("gdprApplies", Boolean.class);
    public static final ProcessVariable<String> GDPR_AWARE_AT = ProcessVariable.of("gdprAwareAt", String.class);
    public static final ProcessVariable<Boolean> NIS2_APPLIES = ProcessVariable.of("nis2Applies", Boolean.class);
    public static final ProcessVariable<String> NIS2_AWARE_AT = ProcessVariable.of("nis2AwareAt", String.class);
    public static final ProcessVariable<Boolean> NIS2_TRUST_SERVICE = ProcessVariable.of("nis2TrustService", Boolean.class);
    public static final ProcessVariable<Boolean> DORA_APPLIES = ProcessVariable.of("doraApplies", Boolean.class);
    public static final ProcessVariable<String> DORA_AWARE_AT = ProcessVariable.of("doraAwareAt", String.class);
    public static final ProcessVariable<String> DORA_CLASSIFIED_AT = ProcessVariable.of("doraClassifiedAt", String.class);
    /** Preselected for a system under a sectoral regime (its Art. 73 reporting is narrowed to fundamental rights). */
    public static final ProcessVariable<Boolean> MDR_APPLIES = ProcessVariable.of("mdrApplies", Boolean.class);
    public static final ProcessVariable<String> MDR_AWARE_AT = ProcessVariable.of("mdrAwareAt", String.class);
    public static final ProcessVariable<String> MDR_CASE = ProcessVariable.of("mdrCase", String.class);

    public static ProcessVariable<Boolean> applies(Regime regime) {
        return switch (regime) {
            case GDPR -> GDPR_APPLIES;
            case NIS2 -> NIS2_APPLIES;
            case DORA -> DORA_APPLIES;
            case MDR -> MDR_APPLIES;
        };
    }

    public static ProcessVariable<String> awareAt(Regime regime) {
        return switch (regime) {
            case GDPR -> GDPR_AWARE_AT;
            case NIS2 -> NIS2_AWARE_AT;
            case DORA -> DORA_AWARE_AT;
            case MDR -> MDR_AWARE_AT;
        };
    }

    public static ProcessVariable<Boolean> harm(Harm harm) {
        return switch (harm) {
            case DEATH -> HARM_DEATH;
            case HEALTH -> HARM_HEALTH;
            case CRITICAL_INFRASTRUCTURE -> HARM_CRITICAL_INFRASTRUCTURE;
            case FUNDAMENTAL_RIGHTS -> HARM_FUNDAMENTAL_RIGHTS;
            case PROPERTY -> HARM_PROPERTY;
            case ENVIRONMENT -> HARM_ENVIRONMENT;
        };
    }

    /** The checkbox of each regime of {@link Classification#OTHER_REGIMES}. */
    static final Map<String, ProcessVariable<Boolean>> REGIMES = Map.of("GDPR", REGIME_GDPR, "NIS2", REGIME_NIS2,
            "DORA", REGIME_DORA, "MDR", REGIME_MDR);

    private SeriousIncidentVariables() {
    }

    /** The variables a case starts with, from the API or an oversight review. */
    public static Map<String, Object> start(NewIncident incident) {
        Map<String, Object> variables = new HashMap<>();
        AI_SYSTEM_ID.put(variables, incident.aiSystemId());
        DESCRIPTION.put(variables, incident.description());
        OCCURRED_AT.put(variables, incident.occurredAt() == null ? null : incident.occurredAt().toString());
        AWARE_AT.put(variables, incident.awareAt() == null ? null : incident.awareAt().toString());
        REPORTER.put(variables, incident.reporter());
        REPORTER_CONTACT.put(variables, incident.reporterContact());
        MEMBER_STATES.put(variables, String.join(", ", incident.memberStates()));
        PERSONS_AFFECTED.put(variables, incident.personsAffected());
        DEPLOYER_REFERENCE.put(variables, incident.deployerReference());
        ORIGIN.put(variables, incident.origin().wireName());
        REPORTED_BY_DEPLOYER.put(variables, incident.reportedByDeployer());
        return variables;
    }

    /**
     * The incident the start variables describe. From the Tasklist start form, the reporter defaults
     * to the user who started it; a deployer reference marks the Art. 26(5) path.
     */
    public static NewIncident incident(VariableScope scope, String defaultReporterContact) {
        String origin = ORIGIN.from(scope);
        String reporter = blankToNull(REPORTER.from(scope));
        String reporterContact = blankToNull(REPORTER_CONTACT.from(scope));
        String deployerReference = blankToNull(DEPLOYER_REFERENCE.from(scope));
        return new NewIncident(AI_SYSTEM_ID.from(scope), DESCRIPTION.from(scope), instant(OCCURRED_AT.name(), OCCURRED_AT.from(scope)),
                instant(AWARE_AT.name(), AWARE_AT.from(scope)), reporter == null ? STARTED_BY.from(scope) : reporter,
                reporterContact == null ? defaultReporterContact : reporterContact, memberStates(MEMBER_STATES.from(scope)),
                PERSONS_AFFECTED.from(scope), deployerReference,
                origin == null ? IncidentOrigin.TASKLIST : IncidentOrigin.fromWireName(origin),
                Boolean.TRUE.equals(REPORTED_BY_DEPLOYER.from(scope)) || deployerReference != null);
    }

    /** The classification the incident manager entered in "Classify incident". */
    public static Classification classification(VariableScope scope) {
        Set<Harm> harms = EnumSet.noneOf(Harm.class);
        Arrays.stream(Harm.values()).filter(h -> Boolean.TRUE.equals(harm(h).from(scope))).forEach(harms::add);
        Set<String> regimes = new LinkedHashSet<>();
        Classification.OTHER_REGIMES.stream().filter(r -> Boolean.TRUE.equals(REGIMES.get(r).from(scope))).forEach(regimes::add);
        String causalLink = blankToNull(CAUSAL_LINK.from(scope));
        CausalLink link = causalLink == null ? null : CausalLink.fromWireName(causalLink);
        if (causalLink != null && link == null) {
            throw new InvalidFieldException(CAUSAL_LINK.name(), "must be established, suspected or none");
        }
        return new Classification(Boolean.TRUE.equals(SERIOUS.from(scope)), harms, Boolean.TRUE.equals(WIDESPREAD.from(scope)),
                link, instant(CAUSAL_LINK_AT.name(), CAUSAL_LINK_AT.from(scope)), memberStates(MEMBER_STATES.from(scope)),
                regimes, blankToNull(CLASSIFICATION_RATIONALE.from(scope)), regimeChoices(scope));
    }

    /** The regimes ticked as applying, in {@link Regime}'s order, each with the facts entered for it. */
    static List<RegimeChoice> regimeChoices(VariableScope scope) {
        List<RegimeChoice> choices = new ArrayList<>();
        for (Regime regime : Regime.values()) {
            if (Boolean.TRUE.equals(applies(regime).from(scope))) {
                ProcessVariable<String> awareAt = awareAt(regime);
                choices.add(new RegimeChoice(regime, instant(awareAt.name(), awareAt.from(scope)),
                        regime == Regime.DORA ? instant(DORA_CLASSIFIED_AT.name(), DORA_CLASSIFIED_AT.from(scope)) : null,
                        regime == Regime.NIS2 && Boolean.TRUE.equals(NIS2_TRUST_SERVICE.from(scope)),
                        regime == Regime.MDR ? mdrCase(scope) : null));
            }
        }
        return choices;
    }

    private static MdrCase mdrCase(VariableScope scope) {
        String text = blankToNull(MDR_CASE.from(scope));
        if (text == null) {
            return null;
        }
        return WireName.find(MdrCase.class, text).orElseThrow(() -> new InvalidFieldException(MDR_CASE.name(),
                "must be one of " + WireName.list(MdrCase.class)));
    }

    /** The report the incident manager wrote in "Prepare authority report". */
    public static ReportDraft draft(VariableScope scope) {
        String type = blankToNull(REPORT_TYPE.from(scope));
        return new ReportDraft(type == null ? null : ReportType.fromWireName(type), text(scope, AUTHORITY_REFERENCE),
                text(scope, SUBMITTER_ROLE), text(scope, SUBMITTER_NAME), text(scope, SUBMITTER_CONTACT),
                text(scope, MODEL_VERSION), text(scope, SOFTWARE_VERSION), text(scope, EFFECTS),
                text(scope, LIKELY_CAUSALITY), text(scope, OPERATOR), text(scope, REMEDIAL_ACTIONS),
                text(scope, FIRST_REPORTED_BY), text(scope, PRELIMINARY_RESULTS), text(scope, INITIAL_CORRECTIVE_ACTIONS),
                text(scope, PLANNED_INVESTIGATIONS), text(scope, ROOT_CAUSE), RISK_ASSESSMENT_REVIEWED.from(scope),
                RISK_ASSESSMENT_STILL_HOLDS.from(scope), text(scope, NON_REPORTABLE_REASON), text(scope, GENERAL_COMMENTS));
    }

    /** "FR, de ,NL" → [FR, DE, NL]; blank → empty. */
    static List<String> memberStates(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split("[,;\\s]+")).filter(s -> !s.isBlank()).map(s -> s.trim().toUpperCase()).toList();
    }

    private static Instant instant(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(field, "must be an ISO-8601 date-time with offset, e.g. 2026-11-25T09:30:00+01:00");
        }
    }

    private static String text(VariableScope scope, ProcessVariable<String> variable) {
        return blankToNull(variable.from(scope));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
