package io.aiactops.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.Map;

import io.aiactops.platform.web.InvalidFieldException;
import io.aiactops.regimes.MdrCase;
import io.aiactops.regimes.Regime;
import io.aiactops.regimes.RegimeChoice;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.junit.jupiter.api.Test;

/** What the forms' variables mean: Member States as text, checkboxes, instants typed by people. */
class SeriousIncidentVariablesTest {

    @Test
    void memberStatesAreReadFromTextInAnyReasonableSpelling() {
        assertThat(SeriousIncidentVariables.memberStates("fr, DE ;nl  it")).containsExactly("FR", "DE", "NL", "IT");
        assertThat(SeriousIncidentVariables.memberStates("  ")).isEmpty();
        assertThat(SeriousIncidentVariables.memberStates(null)).isEmpty();
    }

    @Test
    void theClassificationFormsCheckboxesBecomeHarmsAndRegimes() {
        Classification classification = SeriousIncidentVariables.classification(scope(Map.of("serious", true,
                "harmDeath", true, "harmProperty", false, "widespread", true, "causalLink", "suspected",
                "causalLinkAt", "2026-11-25T10:00:00+01:00", "memberStates", "FR", "regimeNis2", true,
                "classificationRationale", "  ")));

        assertThat(classification.harms()).containsExactly(Harm.DEATH);
        assertThat(classification.widespread()).isTrue();
        assertThat(classification.causalLink()).isEqualTo(CausalLink.SUSPECTED);
        assertThat(classification.causalLinkAt()).isEqualTo(Instant.parse("2026-11-25T09:00:00Z"));
        assertThat(classification.otherRegimes()).containsExactly("NIS2");
        assertThat(classification.rationale()).isNull();
    }

    @Test
    void theRegimesThatApplyComeWithTheFactsEnteredForEachAndOnlyThose() {
        Classification classification = SeriousIncidentVariables.classification(scope(Map.of("memberStates", "FR",
                "regimeGdpr", true, "doraApplies", true, "doraClassifiedAt", "2026-11-25T23:15:00+01:00",
                "nis2Applies", false, "nis2TrustService", true, "mdrApplies", true, "mdrCase", "public_health_threat",
                "mdrAwareAt", "2026-11-25T08:00:00Z", "gdprAwareAt", "2026-11-20T08:00:00Z")));

        assertThat(classification.otherRegimes()).containsExactly("GDPR");
        assertThat(classification.regimes()).containsExactly(
                new RegimeChoice(Regime.DORA, null, Instant.parse("2026-11-25T22:15:00Z"), false, null),
                new RegimeChoice(Regime.MDR, Instant.parse("2026-11-25T08:00:00Z"), null, false, MdrCase.PUBLIC_HEALTH_THREAT));
    }

    @Test
    void eachRegimesFormFieldsAreTheOnesItsRefusalsName() {
        for (Regime regime : Regime.values()) {
            assertThat(SeriousIncidentVariables.applies(regime).name()).isEqualTo(RegimeChoice.appliesField(regime));
            assertThat(SeriousIncidentVariables.awareAt(regime).name()).isEqualTo(RegimeChoice.awareAtField(regime));
        }
        assertThatThrownBy(() -> SeriousIncidentVariables.classification(scope(Map.of("mdrApplies", true, "mdrCase", "87(9)"))))
                .isInstanceOf(InvalidFieldException.class).hasMessageContaining("mdrCase");
        assertThatThrownBy(() -> SeriousIncidentVariables.classification(scope(Map.of("doraApplies", true, "doraClassifiedAt", "noon"))))
                .isInstanceOf(InvalidFieldException.class).hasMessageContaining("doraClassifiedAt");
    }

    @Test
    void aMistypedInstantOrCausalLinkNamesTheField() {
        assertThatThrownBy(() -> SeriousIncidentVariables.classification(scope(Map.of("causalLinkAt", "yesterday"))))
                .isInstanceOf(InvalidFieldException.class).hasMessageContaining("causalLinkAt");
        assertThatThrownBy(() -> SeriousIncidentVariables.classification(scope(Map.of("causalLink", "maybe"))))
                .isInstanceOf(InvalidFieldException.class).hasMessageContaining("causalLink");
    }

    @Test
    void aTasklistStartDefaultsTheReporterToTheUserWhoStartedIt() {
        NewIncident incident = SeriousIncidentVariables.incident(scope(Map.of("aiSystemId", "sys", "description", "d",
                "occurredAt", "2026-11-25T10:00:00Z", "memberStates", "fr", "personsAffected", 3L, "startedBy", "ines",
                "reporter", " ")), "ines@example.org");

        assertThat(incident.reporter()).isEqualTo("ines");
        assertThat(incident.reporterContact()).isEqualTo("ines@example.org");
        assertThat(incident.origin()).isEqualTo(IncidentOrigin.TASKLIST);
        assertThat(incident.reportedByDeployer()).isFalse();
        assertThat(incident.awareAt()).isNull();
    }

    @Test
    void aDeployerReferenceMarksTheDeployerPath() {
        NewIncident incident = SeriousIncidentVariables.incident(scope(Map.of("deployerReference", "BANK-1")), null);

        assertThat(incident.reportedByDeployer()).isTrue();
    }

    @Test
    void blankReportFieldsAreAbsentAndTheTypeIsReadByWireName() {
        ReportDraft draft = SeriousIncidentVariables.draft(scope(Map.of("reportType", "final_reportable", "effects", "",
                "rootCause", "stale rule")));

        assertThat(draft.reportType()).isEqualTo(ReportType.FINAL_REPORTABLE);
        assertThat(draft.effects()).isNull();
        assertThat(draft.rootCause()).isEqualTo("stale rule");
    }

    /** A variable scope holding what a form submitted. */
    private static VariableScope scope(Map<String, Object> values) {
        VariableScope scope = mock(VariableScope.class);
        when(scope.getVariable(anyString())).thenAnswer(call -> values.get(call.<String>getArgument(0)));
        return scope;
    }
}
