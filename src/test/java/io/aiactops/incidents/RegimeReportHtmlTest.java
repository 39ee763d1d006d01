package io.aiactops.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A regime stage's readable report: the regime, the stage, its clock in both times, and no markup from people's text. */
class RegimeReportHtmlTest {

    @Test
    void theReportNamesTheRegimeAndStageShowsTheClockAndEscapesWhatPeopleWrote() {
        String html = RegimeReportHtml.render(report("<img src=x onerror=alert(1)> & co", true));

        assertThat(html).contains("<h1>DORA: initial notification (RTS 5(1)(a))</h1>", "Financial supervisor FR",
                "Wednesday 25 November 2026 at 13:00, Europe/Paris (12:00 UTC)", "DORA RTS 5(1)(a): 4 hours from classification as major",
                "<tr><th>Late</th><td>yes</td></tr>", "Feed outage over the weekend");
        assertThat(html).doesNotContain("<img").contains("&lt;img src=x onerror=alert(1)&gt; &amp; co");
        assertThat(html).as("a field the stage does not ask for reads as a dash").contains("<tr><th>Root cause</th><td>—</td></tr>");
    }

    @Test
    void aReportInTimeSaysSoAndRendersToTheSameBytesEachTime() {
        assertThat(RegimeReportHtml.render(report("x", false))).contains("<tr><th>Late</th><td>no</td></tr>")
                .isEqualTo(RegimeReportHtml.render(report("x", false)));
    }

    private static RegimeReport report(String summary, boolean late) {
        Instant aware = Instant.parse("2026-11-25T08:00:00Z");
        return new RegimeReport(RegimeReport.SCHEMA, "INC-2026-00001", "dora", "Regulation (EU) 2022/2554, Art. 19",
                "dora_initial", "initial notification", "RTS 5(1)(a)",
                new RegimeReport.Recipient("FR", "Financial supervisor FR", "fin-fr@authority.example"),
                new RegimeReport.Entity("Bank SA", "ict@bank.example", "sys", "Scoring"),
                new RegimeReport.Incident("INC-2026-00001", "Feed corrupted", aware, aware, aware.plusSeconds(3600), null,
                        List.of("FR"), 42),
                new RegimeSubmission.Content(summary, null, null, null, "clients affected", null),
                new RegimeReport.Clock("DORA RTS 5(1)(a): 4 hours from classification as major", aware.plus(java.time.Duration.ofHours(5)),
                        "2026-11-25T13:00+01:00", "Wednesday 25 November 2026 at 13:00, Europe/Paris (12:00 UTC)",
                        aware.plus(java.time.Duration.ofHours(6)), late,
                        late ? "Feed outage over the weekend" : null));
    }
}
