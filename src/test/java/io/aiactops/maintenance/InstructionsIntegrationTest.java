package io.aiactops.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import jakarta.mail.internet.MimeMessage;

import com.fasterxml.jackson.databind.JsonNode;
import io.aiactops.support.Api;
import io.aiactops.support.Await;
import io.aiactops.support.IntegrationTest;
import io.aiactops.support.LockTurns;
import io.aiactops.support.TestMail;
import io.aiactops.support.TestSystems;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/** Instructions for use: a version mailed to every deployer, acknowledged by link and by API, the history kept. */
@IntegrationTest
class InstructionsIntegrationTest {

    private static final Pattern LINK = Pattern.compile("/acknowledgements/([A-Za-z0-9_-]+)");

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    Instructions instructions;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JdbcClient jdbc;

    Api api;
    String systemId;
    String path;

    @BeforeEach
    void registerASystem() {
        api = Api.anonymous(port);
        systemId = TestSystems.register(api, "ifu");
        path = "/api/systems/" + systemId + "/instructions";
    }

    @Test
    void aNewVersionReachesEveryDeployerAndEndsWhenBothAcknowledged() throws Exception {
        Api.Response published = api.as("process-owner").post(path, instructions("First edition"));
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        assertThat(published.json().get("version").asInt()).isEqualTo(1);

        List<MimeMessage> mails = awaitMails("Instructions for use of AI system " + systemId + ", version 1", 2);
        MimeMessage toBankA = mails.stream().filter(m -> recipient(m).equals("ops@bank-a.example")).findFirst().orElseThrow();
        Matcher link = LINK.matcher(toBankA.getContent().toString());
        assertThat(link.find()).isTrue();
        assertThat(api.send("POST", "/acknowledgements/" + link.group(1), "application/x-www-form-urlencoded", "").status())
                .isEqualTo(200);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(InstructionsForUse.subject(systemId, 1)).count())
                .isEqualTo(1);

        Api.Response byApi = api.as("process-owner").post(path + "/1/acknowledgements", Map.of("email", "ops@bank-b.example"));
        assertThat(byApi.status()).as(byApi.body()).isEqualTo(200);
        assertThat(byApi.json().get("allDeployersAcknowledged").asBoolean()).isTrue();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(InstructionsForUse.subject(systemId, 1)).count())
                .as("every deployer acknowledged: the distribution ended").isZero();

        assertThat(api.as("process-owner").post(path, instructions("Known risks: age group 70+")).status()).isEqualTo(201);
        JsonNode history = api.as("auditor").get(path).json();
        assertThat(history.at("/current/version").asInt()).isEqualTo(2);
        assertThat(history.at("/current/changeLog").asText()).isEqualTo("Known risks: age group 70+");
        JsonNode first = history.get("versions").get(1);
        assertThat(StreamSupport.stream(first.get("deployers").spliterator(), false))
                .hasSize(2).allSatisfy(d -> assertThat(d.hasNonNull("acknowledgedAt")).isTrue());
        JsonNode events = api.as("auditor").get("/api/systems/" + systemId + "/logs?type=instructions_for_use").json();
        assertThat(events.findValuesAsText("event")).contains("published", "acknowledged");
    }

    @Test
    void acknowledgementsWaitForTheVersionWhileTheProcessAsksWhetherEveryDeployerAcknowledged() throws Exception {
        assertThat(api.as("process-owner").post(path, instructions("First edition")).status()).isEqualTo(201);
        MimeMessage toBankA = awaitMails("Instructions for use of AI system " + systemId + ", version 1", 2).stream()
                .filter(m -> recipient(m).equals("ops@bank-a.example")).findFirst().orElseThrow();
        Matcher link = LINK.matcher(toBankA.getContent().toString());
        assertThat(link.find()).isTrue();
        // The job that sent the mails committed: only the test's question and the acknowledgements take the lock now.
        Await.until("the distribution waiting for acknowledgements", Duration.ofSeconds(30),
                () -> runtimeService.createExecutionQuery().processInstanceBusinessKey(InstructionsForUse.subject(systemId, 1))
                        .activityId(InstructionsDistributionProcess.TASK_AWAIT_ACKNOWLEDGEMENTS).count() == 1);

        // The question as the job that sent the mails asks it, in a transaction that has not reached the wait yet;
        // an acknowledgement by the link, then the last one by the API, each waits for it before its recipient's row.
        Api.Response byLink = LockTurns.secondWaitsForFirst(transactions, jdbc,
                () -> assertThat(instructions.allDeployersAcknowledged(systemId, 1)).isFalse(),
                () -> api.send("POST", "/acknowledgements/" + link.group(1), "application/x-www-form-urlencoded", ""),
                () -> assertRecipientFree("ops@bank-a.example"));
        assertThat(byLink.status()).as(byLink.body()).isEqualTo(200);
        Api.Response last = LockTurns.secondWaitsForFirst(transactions, jdbc,
                () -> assertThat(instructions.allDeployersAcknowledged(systemId, 1)).isFalse(),
                () -> api.as("process-owner").post(path + "/1/acknowledgements", Map.of("email", "ops@bank-b.example")),
                () -> assertRecipientFree("ops@bank-b.example"));
        assertThat(last.status()).as(last.body()).isEqualTo(200);
        assertThat(last.json().get("allDeployersAcknowledged").asBoolean()).isTrue();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(InstructionsForUse.subject(systemId, 1)).count())
                .as("the last acknowledgement found the process waiting and ended it").isZero();
    }

    /** A waiting acknowledgement holds no recipient row that a transaction locking the version first could wait for. */
    private void assertRecipientFree(String email) {
        assertThat(jdbc.sql("SELECT id FROM tracked_recipient WHERE subject = ? AND email = ? FOR UPDATE NOWAIT")
                .params(InstructionsForUse.subject(systemId, 1), email).query(Long.class).list()).hasSize(1);
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndPublishesNothing() {
        Map<String, Object> withoutChangeLog = new HashMap<>(instructions("x"));
        withoutChangeLog.remove("changeLog");
        assertBad(api.as("process-owner").post(path, withoutChangeLog), "changeLog");
        assertBad(api.as("process-owner").post(path, Map.of("accuracy", 0.9)), "accuracy");
        assertThat(api.as("auditor").get(path).json().get("versions")).isEmpty();
        assertThat(api.as("process-owner").post(path + "/1/acknowledgements", Map.of("email", "ops@bank-a.example")).status())
                .isEqualTo(404);
    }

    private static Map<String, Object> instructions(String changeLog) {
        return Map.of("accuracy", "AUC 0.87", "robustness", "Stable with 10 % missing fields",
                "knownRisks", "Applicants over 70 under-represented", "predeterminedChanges", "Monthly recalibration",
                "oversightMeasures", "Every refusal reviewed", "maintenanceMeasures", "Quarterly retraining",
                "logMechanisms", "Every decision logged", "changeLog", changeLog);
    }

    private static String recipient(MimeMessage mail) {
        try {
            return mail.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<MimeMessage> awaitMails(String subject, int count) {
        return TestMail.await("'" + subject + "'", subject::equals, count);
    }

    private static void assertBad(Api.Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("field").asText()).as(response.body()).isEqualTo(field);
    }
}
