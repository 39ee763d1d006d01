package io.aiactops.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The readable report: every section of the template, and nobody's text can inject markup. */
class AuthorityReportHtmlTest {

    @Test
    void theReportShowsEverySectionAndEscapesWhatPeopleWrote() {
        String html = AuthorityReportHtml.render(report("<script>alert(1)</script> & co"));

        assertThat(html).contains("1. Administrative information", "2. AI system", "3. Incident", "4. Provider&#39;s analysis",
                "5. General comments", "Reporting deadline", "INC-2026-00001", "73(2) general: 15 days",
                "end of Wednesday 9 December 2026, Europe/Paris (23:00 UTC)",
                "end of Thursday 10 December 2026, Europe/Paris (23:00 UTC)");
        assertThat(html).as("people read the deadline in words, not ISO-8601").doesNotContain("2026-12-11T00:00+01:00");
        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co");
        assertThat(html).as("empty fields are shown as a dash").contains("<td>—</td>");
    }

    @Test
    void theSameReportRendersToTheSameBytes() {
        assertThat(AuthorityReportHtml.render(report("x"))).isEqualTo(AuthorityReportHtml.render(report("x")));
    }

    private static AuthorityReport report(String description) {
        Instant at = Instant.parse("2026-11-25T09:00:00Z");
        return new AuthorityReport(AuthorityReport.SCHEMA, "INC-2026-00001", 1,
                new AuthorityReport.Administrative(new AuthorityReport.Authority("FR", "MSA FR", "msa@fr.example", null), at,
                        "initial", List.of("health"), false, new AuthorityReport.Submitter("provider", "Provider SA", "c@p.example"),
                        List.of()),
                new AuthorityReport.AiSystemSection("sys", null, "Scoring", "Scores loans", "Provider SA", "1.0", null),
                new AuthorityReport.IncidentSection(description, at, at, null, "suspected", at, null, 3, null, null, "Claire", null),
                new AuthorityReport.ProviderAnalysis(null, null, null, null, null, null, null), null,
                new AuthorityReport.Deadline("73(2) general: 15 days", "2026-12-10T00:00+01:00",
                        "end of Wednesday 9 December 2026, Europe/Paris (23:00 UTC)", "2026-12-11T00:00+01:00",
                        "end of Thursday 10 December 2026, Europe/Paris (23:00 UTC)"));
    }
}
