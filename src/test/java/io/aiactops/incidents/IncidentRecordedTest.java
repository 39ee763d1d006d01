package io.aiactops.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.aiactops.support.CanonicalPayloads;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The register's incident payloads, byte for byte: each string is the canonical JSON the map-building
 * code gave before the records replaced it, hashed into chains that must verify for ever. The app's
 * Jackson settings apply ({@code application.yml}). A failure here means a changed field or value: the
 * record is wrong, not the string.
 */
@SpringBootTest(classes = JacksonAutoConfiguration.class)
class IncidentRecordedTest {

    @Autowired
    private ObjectMapper objectMapper;

    @Test
    void regimeStarted() {
        assertThat(json(new IncidentRecorded.RegimeStarted("INC-2026-00009", "regime_started", "dora", "2026-03-02T09:30:00Z",
                "2026-03-02T10:00:00Z", null, null))).isEqualTo("{\"awareAt\":\"2026-03-02T09:30:00Z\",\"doraClassifiedAt\":\"2026-03-02T10:00:00Z\",\"event\":\"regime_started\",\"incidentId\":\"INC-2026-00009\",\"regime\":\"dora\"}");
    }

    @Test
    void regimeStageSubmittedThroughThePortal() {
        assertThat(json(new IncidentRecorded.RegimeStageRecorded("INC-2026-00009", "regime_stage_recorded", "dora", "dora_initial",
                "submitted", "portal", "ACPR-42", "2026-03-02T12:00:00Z", "2026-03-02T14:00:00Z", false, null)))
                .isEqualTo("{\"channel\":\"portal\",\"dueAt\":\"2026-03-02T14:00:00Z\",\"event\":\"regime_stage_recorded\",\"incidentId\":\"INC-2026-00009\",\"late\":false,\"outcome\":\"submitted\",\"portalReference\":\"ACPR-42\",\"regime\":\"dora\",\"stage\":\"dora_initial\",\"submittedAt\":\"2026-03-02T12:00:00Z\"}");
    }

    @Test
    void regimeWaived() {
        assertThat(json(new IncidentRecorded.RegimeFinished("INC-2026-00009", IncidentRecorded.RegimeFinished.WAIVED, "nis2",
                "not significant"))).isEqualTo("{\"event\":\"regime_waived\",\"incidentId\":\"INC-2026-00009\",\"regime\":\"nis2\",\"waiveReason\":\"not significant\"}");
    }

    @Test
    void regimeReportSent() {
        assertThat(json(new IncidentRecorded.RegimeReportSent("INC-2026-00009", "gdpr", "gdpr_notification", "FR",
                "dpa-fr@authority.example", "2026-03-02T12:00:00Z", "<m@x>", "ab", "cd")))
                .isEqualTo("{\"htmlSha256\":\"cd\",\"incidentId\":\"INC-2026-00009\",\"memberState\":\"FR\",\"messageId\":\"<m@x>\",\"recipient\":\"dpa-fr@authority.example\",\"regime\":\"gdpr\",\"sentAt\":\"2026-03-02T12:00:00Z\",\"sha256\":\"ab\",\"stage\":\"gdpr_notification\"}");
    }

    @Test
    void opened() {
        assertThat(json(new IncidentRecorded.Opened("INC-2026-00001", "opened", "api", "2026-03-02T08:00:00Z",
                "2026-03-02T09:30:00Z", "Deployer hotline", List.of("DE", "FR"), 3L, "Credit refused to all applicants over 60",
                null, null))).isEqualTo("{\"awareAt\":\"2026-03-02T09:30:00Z\",\"description\":\"Credit refused to all applicants over 60\",\"event\":\"opened\",\"incidentId\":\"INC-2026-00001\",\"memberStates\":[\"DE\",\"FR\"],\"occurredAt\":\"2026-03-02T08:00:00Z\",\"origin\":\"api\",\"personsAffected\":3,\"reporter\":\"Deployer hotline\"}");
    }

    @Test
    void openedOnADeployersReport() {
        assertThat(json(new IncidentRecorded.Opened("INC-2026-00002", "opened", "deployer", "2026-03-02T08:00:00Z",
                "2026-03-02T09:30:00Z", null, List.of("FR"), 0L, "d", "BANK-77", "2026-03-02T10:00:00Z")))
                .isEqualTo("{\"awareAt\":\"2026-03-02T09:30:00Z\",\"deployerReference\":\"BANK-77\",\"description\":\"d\",\"event\":\"opened\",\"incidentId\":\"INC-2026-00002\",\"memberStates\":[\"FR\"],\"occurredAt\":\"2026-03-02T08:00:00Z\",\"origin\":\"deployer\",\"personsAffected\":0,\"providerInformedAt\":\"2026-03-02T10:00:00Z\"}");
    }

    @Test
    void classifiedReportable() {
        assertThat(json(new IncidentRecorded.Classified("INC-2026-00001", "classified", true,
                List.of("death_or_health", "fundamental_rights"), false, true, "15 days (Art. 73(2))", List.of("DE", "FR"),
                "15 days (Art. 73(2))", List.of(
                        new IncidentRecorded.Classified.Deadline("DE", "2026-03-17T23:00:00Z", "2026-03-17T23:00:00Z"),
                        new IncidentRecorded.Classified.Deadline("FR", "2026-03-17T23:00:00Z", "2026-03-18T23:00:00Z")))))
                .isEqualTo("{\"deadlines\":[{\"adjustedEndsAt\":\"2026-03-17T23:00:00Z\",\"memberState\":\"DE\",\"nominalEndsAt\":\"2026-03-17T23:00:00Z\"},{\"adjustedEndsAt\":\"2026-03-18T23:00:00Z\",\"memberState\":\"FR\",\"nominalEndsAt\":\"2026-03-17T23:00:00Z\"}],\"event\":\"classified\",\"harms\":[\"death_or_health\",\"fundamental_rights\"],\"incidentId\":\"INC-2026-00001\",\"memberStates\":[\"DE\",\"FR\"],\"reason\":\"15 days (Art. 73(2))\",\"reportable\":true,\"reportingPeriod\":\"15 days (Art. 73(2))\",\"serious\":true,\"widespread\":false}");
    }

    @Test
    void classifiedNotReportable() {
        assertThat(json(new IncidentRecorded.Classified("INC-2026-00003", "classified", false, List.of(), false, false,
                "not a serious incident: x", List.of("FR"), null, null))).isEqualTo("{\"event\":\"classified\",\"harms\":[],\"incidentId\":\"INC-2026-00003\",\"memberStates\":[\"FR\"],\"reason\":\"not a serious incident: x\",\"reportable\":false,\"serious\":false,\"widespread\":false}");
    }

    @Test
    void investigationRecordedWithoutFindings() {
        assertThat(json(new IncidentRecorded.InvestigationRecorded("INC-2026-00001", null, "", false, "notes", true)))
                .isEqualTo("{\"correctiveActionRequested\":true,\"event\":\"investigation_recorded\",\"incidentId\":\"INC-2026-00001\",\"riskAssessmentNotes\":\"notes\",\"riskAssessmentStillHolds\":false,\"rootCause\":\"\"}");
    }

    @Test
    void correctiveActionRequested() {
        assertThat(json(new IncidentRecorded.CorrectiveActionRequested("INC-2026-00001", "Retrain on the corrected data")))
                .isEqualTo("{\"event\":\"corrective_action_requested\",\"handedOverTo\":\"corrective-action process\",\"incidentId\":\"INC-2026-00001\",\"reason\":\"Retrain on the corrected data\"}");
    }

    @Test
    void finalNonReportable() {
        assertThat(json(new IncidentRecorded.NotReportable("INC-2026-00003", "not a serious incident: x"))).isEqualTo("{\"event\":\"final_non_reportable\",\"incidentId\":\"INC-2026-00003\",\"rationale\":\"not a serious incident: x\"}");
    }

    @Test
    void reportPrepared() {
        assertThat(json(new IncidentRecorded.ReportPrepared("INC-2026-00001", 1, "initial", List.of("DE", "FR"))))
                .isEqualTo("{\"event\":\"report_prepared\",\"incidentId\":\"INC-2026-00001\",\"memberStates\":[\"DE\",\"FR\"],\"reportNumber\":1,\"reportType\":\"initial\"}");
    }

    @Test
    void closed() {
        assertThat(json(new IncidentRecorded.Closed("INC-2026-00001", "closed", "final report sent"))).isEqualTo("{\"event\":\"closed\",\"incidentId\":\"INC-2026-00001\",\"reason\":\"final report sent\"}");
    }

    @Test
    void reportSent() {
        assertThat(json(new IncidentRecorded.ReportSent("INC-2026-00001", 1, "initial", "FR", "incidents@msa.example.fr",
                "2026-03-03T10:00:00Z", "<abc@aiact-ops>", "aa", "bb"))).isEqualTo("{\"htmlSha256\":\"bb\",\"incidentId\":\"INC-2026-00001\",\"memberState\":\"FR\",\"messageId\":\"<abc@aiact-ops>\",\"recipient\":\"incidents@msa.example.fr\",\"reportNumber\":1,\"reportType\":\"initial\",\"sentAt\":\"2026-03-03T10:00:00Z\",\"sha256\":\"aa\"}");
    }

    @Test
    void readersReadEventsRecordedBeforeTheRecords() throws Exception {
        IncidentRecorded.AnyStep step = objectMapper.readValue("{\"correctiveActionRequested\":true,\"event\":\"investigation_recorded\",\"incidentId\":\"INC-2026-00001\",\"riskAssessmentNotes\":\"notes\",\"riskAssessmentStillHolds\":false,\"rootCause\":\"\"}", IncidentRecorded.AnyStep.class);

        assertThat(step).isEqualTo(new IncidentRecorded.AnyStep("INC-2026-00001", "investigation_recorded"));
        assertThat(objectMapper.readValue("{\"htmlSha256\":\"bb\",\"incidentId\":\"INC-2026-00001\",\"memberState\":\"FR\",\"messageId\":\"<abc@aiact-ops>\",\"recipient\":\"incidents@msa.example.fr\",\"reportNumber\":1,\"reportType\":\"initial\",\"sentAt\":\"2026-03-03T10:00:00Z\",\"sha256\":\"aa\"}", IncidentRecorded.ReportSent.class).incidentId()).isEqualTo("INC-2026-00001");
    }

    private String json(Object payload) {
        return CanonicalPayloads.of(objectMapper, payload);
    }
}
