package io.aiactops.regimes;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import io.aiactops.platform.web.InvalidFieldException;
import org.springframework.stereotype.Component;

/**
 * Refuses regimes that could not run their clocks, naming the form field in plain words: a DORA
 * classification before awareness, an MDR case without its Art. 87 paragraph, a moment in the future,
 * a Member State without the regime's recipient. Changes nothing.
 */
@Component
public class RegimeChecks {

    private final RegimesProperties properties;

    public RegimeChecks(RegimesProperties properties) {
        this.properties = properties;
    }

    public void validate(List<RegimeChoice> choices, Instant aiActAwareAt, Collection<String> memberStates, Instant now) {
        for (RegimeChoice choice : choices) {
            Regime regime = choice.regime();
            Instant awareAt = choice.awareAt() == null ? aiActAwareAt : choice.awareAt();
            if (awareAt.isAfter(now)) {
                throw new InvalidFieldException(RegimeChoice.awareAtField(regime), "awareness under " + regime.title()
                        + " must not be in the future");
            }
            if (regime == Regime.DORA) {
                checkDoraClassification(choice.doraClassifiedAt(), awareAt, now);
            }
            if (regime == Regime.MDR && choice.mdrCase() == null) {
                throw new InvalidFieldException("mdrCase", "say which case of MDR Art. 87 applies: (3) any serious incident, "
                        + "(4) a serious public health threat, or (5) death or serious deterioration");
            }
            for (String memberState : memberStates) {
                if (properties.recipient(regime, memberState).isEmpty()) {
                    throw new InvalidFieldException(RegimeChoice.appliesField(regime), "no recipient of " + regime.title()
                            + " reports in " + memberState + ": set " + RegimesProperties.recipientSetting(regime, memberState));
                }
            }
        }
    }

    private static void checkDoraClassification(Instant classifiedAt, Instant awareAt, Instant now) {
        if (classifiedAt == null) {
            throw new InvalidFieldException("doraClassifiedAt", "say when the incident was classified as major: DORA's initial notification counts from it");
        }
        if (classifiedAt.isBefore(awareAt)) {
            throw new InvalidFieldException("doraClassifiedAt", "the classification as major (" + classifiedAt
                    + ") cannot be before awareness (" + awareAt + ")");
        }
        if (classifiedAt.isAfter(now)) {
            throw new InvalidFieldException("doraClassifiedAt", "the classification as major must not be in the future");
        }
    }
}
