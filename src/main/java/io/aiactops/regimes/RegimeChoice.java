package io.aiactops.regimes;

import java.time.Instant;

/**
 * An incident manager's answer for one regime in "Classify incident": the regime applies, with the facts its
 * clocks need. {@code awareAt} is {@code null} when awareness under this regime is the AI Act's.
 *
 * @param doraClassifiedAt DORA: when the incident was classified as major
 * @param nis2TrustService NIS2: a trust service provider, for an incident affecting its trust services
 * @param mdrCase MDR: the case of Art. 87
 */
public record RegimeChoice(Regime regime, Instant awareAt, Instant doraClassifiedAt, boolean nis2TrustService,
        MdrCase mdrCase) {

    /** The form field with this regime's own moment of awareness, e.g. {@code doraAwareAt}. */
    public static String awareAtField(Regime regime) {
        return regime.wireName() + "AwareAt";
    }

    /** The form field that says this regime applies, e.g. {@code gdprApplies}. */
    public static String appliesField(Regime regime) {
        return regime.wireName() + "Applies";
    }

    /** The facts its clocks count from, awareness defaulting to the AI Act's. */
    public RegimeFacts facts(Instant aiActAwareAt) {
        RegimeFacts facts = RegimeFacts.awareAt(awareAt == null ? aiActAwareAt : awareAt);
        facts = doraClassifiedAt == null ? facts : facts.withDoraClassifiedAt(doraClassifiedAt);
        facts = nis2TrustService ? facts.withNis2TrustService() : facts;
        return mdrCase == null ? facts : facts.withMdrCase(mdrCase);
    }
}
