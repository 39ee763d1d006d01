package io.aiactops.regimes;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the regimes beside Art. 73 ({@code aiact.regimes.*}, docs/incident-clock.md §5): the time
 * limits, and each regime's recipient per Member State, {@code aiact.regimes.<regime>.<ISO>.email} and
 * optional {@code .name} (the data-protection authority, the CSIRT, the financial supervisor, the
 * medical-device competent authority).
 *
 * @param periods the time limits of each regime's stages
 */
@ConfigurationProperties("aiact.regimes")
public record RegimesProperties(@DefaultValue Periods periods, Map<String, Recipient> gdpr, Map<String, Recipient> nis2,
        Map<String, Recipient> dora, Map<String, Recipient> mdr) {

    public record Recipient(String email, String name) {
    }

    public RegimesProperties {
        gdpr = byIsoCode(gdpr);
        nis2 = byIsoCode(nis2);
        dora = byIsoCode(dora);
        mdr = byIsoCode(mdr);
    }

    /** The recipient of {@code regime}'s reports in {@code memberState}; empty when none or no address is set. */
    public Optional<Recipient> recipient(Regime regime, String memberState) {
        Map<String, Recipient> recipients = switch (regime) {
            case GDPR -> gdpr;
            case NIS2 -> nis2;
            case DORA -> dora;
            case MDR -> mdr;
        };
        return Optional.ofNullable(recipients.get(memberState)).filter(r -> r.email() != null && !r.email().isBlank());
    }

    /** The setting that names {@code regime}'s recipient in {@code memberState}, for a refusal that says what to set. */
    public static String recipientSetting(Regime regime, String memberState) {
        return "aiact.regimes." + regime.wireName() + "." + memberState + ".email";
    }

    // Environment variables lose the case of map keys; Member States are upper-case codes.
    private static Map<String, Recipient> byIsoCode(Map<String, Recipient> recipients) {
        Map<String, Recipient> byCode = new HashMap<>();
        if (recipients != null) {
            recipients.forEach((code, recipient) -> byCode.put(code.toUpperCase(Locale.ROOT), recipient));
        }
        return Map.copyOf(byCode);
    }

    /**
     * The time limits ({@code aiact.regimes.periods.*}). Configuration, not literals: NIS2 is transposed
     * national law that may differ per Member State, and an entity may hold itself to shorter limits.
     *
     * @param gdprNotification GDPR 33(1), from awareness
     * @param nis2EarlyWarning NIS2 23(4)(a), from awareness
     * @param nis2Notification NIS2 23(4)(b), from awareness
     * @param nis2TrustServiceNotification NIS2 23(4)(b) for a trust service provider's trust services
     * @param nis2FinalMonths NIS2 23(4)(d), from the submission of the incident notification
     * @param doraInitialAfterClassification DORA RTS 5(1)(a), from classification as major
     * @param doraInitialAfterAwareness DORA RTS 5(1)(a), the latest limit from awareness
     * @param doraIntermediate DORA RTS 5(1)(b), from the submission of the initial notification
     * @param doraFinalMonths DORA RTS 5(1)(c), from the submission of the latest intermediate report
     * @param mdrSeriousIncidentDays MDR 87(3), calendar days from awareness
     * @param mdrPublicHealthThreatDays MDR 87(4)
     * @param mdrDeathOrSeriousDeteriorationDays MDR 87(5)
     */
    public record Periods(@DefaultValue("PT72H") Duration gdprNotification,
            @DefaultValue("PT24H") Duration nis2EarlyWarning,
            @DefaultValue("PT72H") Duration nis2Notification,
            @DefaultValue("PT24H") Duration nis2TrustServiceNotification,
            @DefaultValue("1") int nis2FinalMonths,
            @DefaultValue("PT4H") Duration doraInitialAfterClassification,
            @DefaultValue("PT24H") Duration doraInitialAfterAwareness,
            @DefaultValue("PT72H") Duration doraIntermediate,
            @DefaultValue("1") int doraFinalMonths,
            @DefaultValue("15") int mdrSeriousIncidentDays,
            @DefaultValue("2") int mdrPublicHealthThreatDays,
            @DefaultValue("10") int mdrDeathOrSeriousDeteriorationDays) {

        public Periods {
            for (Duration hours : new Duration[] {gdprNotification, nis2EarlyWarning, nis2Notification,
                    nis2TrustServiceNotification, doraInitialAfterClassification, doraInitialAfterAwareness,
                    doraIntermediate}) {
                if (hours.isNegative() || hours.isZero()) {
                    throw new IllegalArgumentException("aiact.regimes.periods.* in hours are positive durations, e.g. PT72H");
                }
            }
            if (nis2FinalMonths < 1 || doraFinalMonths < 1 || mdrSeriousIncidentDays < 1 || mdrPublicHealthThreatDays < 1
                    || mdrDeathOrSeriousDeteriorationDays < 1) {
                throw new IllegalArgumentException("aiact.regimes.periods.* in months or days are at least 1");
            }
        }

        public int mdrDays(MdrCase mdrCase) {
            return switch (mdrCase) {
                case ANY_SERIOUS_INCIDENT -> mdrSeriousIncidentDays;
                case PUBLIC_HEALTH_THREAT -> mdrPublicHealthThreatDays;
                case DEATH_OR_SERIOUS_DETERIORATION -> mdrDeathOrSeriousDeteriorationDays;
            };
        }
    }
}
