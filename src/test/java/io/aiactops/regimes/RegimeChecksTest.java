package io.aiactops.regimes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.aiactops.platform.web.InvalidFieldException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** "Classify incident" refuses regimes whose clocks could not run, naming the field, before anything is recorded. */
class RegimeChecksTest {

    private static final Instant AWARE_AT = Instant.parse("2026-03-02T08:00:00Z");
    private static final Instant NOW = Instant.parse("2026-03-03T12:00:00Z");

    // Recipients in FR for every regime; DE has only its data-protection authority.
    private final RegimeChecks checks = new RegimeChecks(RegimeCalendars.bind(Map.of(
            "aiact.regimes.gdpr.FR.email", "notifications@cnil.example",
            "aiact.regimes.gdpr.de.email", "poststelle@bfdi.example",
            "aiact.regimes.nis2.FR.email", "cert@anssi.example",
            "aiact.regimes.dora.FR.email", "incidents@acpr.example",
            "aiact.regimes.dora.FR.name", "ACPR",
            "aiact.regimes.mdr.FR.email", "materiovigilance@ansm.example",
            // An address left blank is no recipient.
            "aiact.regimes.nis2.DE.email", " ")));

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource({
            // regime, member states, field,            message contains,                                              why
            "DORA, FR,    doraClassifiedAt, cannot be before awareness,                                    classified before it was known",
            "MDR,  FR,    mdrCase,          case of MDR Art. 87 applies,                                   no 87 paragraph",
            "GDPR, FR,    gdprAwareAt,      must not be in the future,                                     awareness typed a day ahead",
            "NIS2, FR+DE, nis2Applies,      'no recipient of NIS2 significant incident reports in DE: set aiact.regimes.nis2.DE.email', blank address in DE",
            "DORA, DE,    doraApplies,      'no recipient of DORA major ICT-related incident reports in DE: set aiact.regimes.dora.DE.email', nothing set in DE",
    })
    void aRegimeWhoseClockCouldNotRunIsRefusedNamingTheField(Regime regime, String memberStates, String field,
            String message, String why) {
        RegimeChoice choice = switch (why) {
            case "classified before it was known" -> choice(regime, null, AWARE_AT.minusSeconds(60), null);
            case "awareness typed a day ahead" -> choice(regime, NOW.plusSeconds(86_400), null, null);
            default -> choice(regime, null, AWARE_AT.plusSeconds(3600), regime == Regime.MDR ? null : MdrCase.ANY_SERIOUS_INCIDENT);
        };

        assertThatThrownBy(() -> checks.validate(List.of(choice), AWARE_AT, List.of(memberStates.split("\\+")), NOW))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo(field))
                .hasMessageContaining(message);
    }

    @Test
    void doraNeedsTheMomentOfClassificationAsMajor() {
        assertThatThrownBy(() -> checks.validate(List.of(choice(Regime.DORA, null, null, null)), AWARE_AT, List.of("FR"), NOW))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("doraClassifiedAt"));
        assertThatThrownBy(() -> checks.validate(List.of(choice(Regime.DORA, null, NOW.plusSeconds(60), null)), AWARE_AT,
                List.of("FR"), NOW)).hasMessageContaining("must not be in the future");
    }

    @Test
    void theRegimesOwnAwarenessCountsForDoraNotTheAiActs() {
        Instant doraAwareAt = AWARE_AT.plusSeconds(7200);
        assertThatThrownBy(() -> checks.validate(List.of(choice(Regime.DORA, doraAwareAt, AWARE_AT.plusSeconds(3600), null)),
                AWARE_AT, List.of("FR"), NOW)).hasMessageContaining("cannot be before awareness");
    }

    @Test
    void everyRegimeWithItsFactsAndRecipientsPasses() {
        List<RegimeChoice> all = List.of(choice(Regime.GDPR, null, null, null), choice(Regime.NIS2, null, null, null),
                choice(Regime.DORA, null, AWARE_AT.plusSeconds(3600), null),
                choice(Regime.MDR, AWARE_AT.plusSeconds(60), null, MdrCase.PUBLIC_HEALTH_THREAT));

        assertThatCode(() -> checks.validate(all, AWARE_AT, List.of("FR"), NOW)).doesNotThrowAnyException();
        // Member-State keys bind in any case, like the authorities' addresses.
        assertThatCode(() -> checks.validate(List.of(all.get(0)), AWARE_AT, List.of("FR", "DE"), NOW)).doesNotThrowAnyException();
    }

    @Test
    void aChoicesFactsDefaultToTheAiActsAwareness() {
        RegimeFacts facts = choice(Regime.DORA, null, AWARE_AT.plusSeconds(3600), null).facts(AWARE_AT);

        assertThat(facts.awareAt()).isEqualTo(AWARE_AT);
        assertThat(facts.doraClassifiedAt()).isEqualTo(AWARE_AT.plusSeconds(3600));
        assertThat(RegimeChoice.appliesField(Regime.NIS2)).isEqualTo("nis2Applies");
        assertThat(RegimeChoice.awareAtField(Regime.GDPR)).isEqualTo("gdprAwareAt");
    }

    private static RegimeChoice choice(Regime regime, Instant awareAt, Instant classifiedAt, MdrCase mdrCase) {
        return new RegimeChoice(regime, awareAt, classifiedAt, false, mdrCase);
    }
}
