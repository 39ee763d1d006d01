package io.aiactops.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;

import io.aiactops.platform.Sha256;
import org.junit.jupiter.api.Test;

/** The covering mail speaks the authority's language: French to FR, German to DE, English elsewhere. */
class AuthorityMailTest {

    @Test
    void aFrenchAuthorityReadsTheDeadlineInFrenchWithTheUtcTime() {
        AuthorityMail mail = AuthorityMail.of(report(ReportType.INITIAL, "FR", "Europe/Paris", "2026-12-10T23:00:00Z"), "INC-1-report-1-FR");

        assertThat(mail.subject()).isEqualTo("Rapport d'incident grave (AI Act, art. 73) INC-2026-00001 — rapport initial n° 1");
        assertThat(mail.body()).startsWith("Madame, Monsieur,")
                .contains("Délai de notification dans l'État membre FR : fin de la journée du jeudi 10 décembre 2026, Europe/Paris (23:00 UTC).")
                .contains("Son empreinte SHA-256 est " + Sha256.of("{\"a\":1}"))
                .contains("INC-1-report-1-FR.json");
    }

    @Test
    void aGermanAuthorityReadsTheDeadlineInGermanWithTheUtcTime() {
        AuthorityMail mail = AuthorityMail.of(report(ReportType.COMBINED, "DE", "Europe/Berlin", "2026-05-04T22:00:00Z"), "n");

        assertThat(mail.subject()).isEqualTo(
                "Meldung eines schwerwiegenden Vorfalls (KI-Verordnung, Art. 73) INC-2026-00001 — Erst- und Abschlussmeldung Nr. 1");
        assertThat(mail.body()).startsWith("Sehr geehrte Damen und Herren,")
                .contains("Meldefrist im Mitgliedstaat DE: Ende des Tages Montag, 4. Mai 2026, Europe/Berlin (22:00 UTC).");
    }

    @Test
    void anyOtherAuthorityIsWrittenToInEnglish() {
        AuthorityMail mail = AuthorityMail.of(report(ReportType.INITIAL, "IE", "Europe/Dublin", "2026-12-11T00:00:00Z"), "n");

        assertThat(mail.subject()).isEqualTo("Serious incident report (AI Act Art. 73) INC-2026-00001 — initial report #1");
        assertThat(mail.body()).contains("The reporting deadline in IE: end of Thursday 10 December 2026, Europe/Dublin (00:00 UTC).");
    }

    @Test
    void aLaterReportCarriesNoDeadlineSinceTheFirstOneWasMet() {
        AuthorityMail mail = AuthorityMail.of(report(ReportType.FOLLOW_UP, "FR", "Europe/Paris", "2026-12-10T23:00:00Z"), "n");

        assertThat(mail.subject()).endsWith("rapport de suivi n° 1");
        assertThat(mail.body()).doesNotContain("Délai");
    }

    private static AuthorityReports.Pending report(ReportType type, String memberState, String zone, String endsAt) {
        Instant end = Instant.parse(endsAt);
        IncidentCase.DeadlineView deadline = new IncidentCase.DeadlineView(memberState, zone, LocalDate.of(2026, 12, 10), end,
                null, null, LocalDate.of(2026, 12, 10), end, null, null, "none");
        return new AuthorityReports.Pending(1, "INC-2026-00001", 1, type, memberState, "msa@example.org", "{\"a\":1}", "<html/>",
                deadline);
    }
}
