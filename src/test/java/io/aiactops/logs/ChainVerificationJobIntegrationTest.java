package io.aiactops.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.fasterxml.jackson.databind.JsonNode;
import io.aiactops.support.Api;
import io.aiactops.support.IntegrationTest;
import io.aiactops.support.TestMail;
import io.aiactops.support.TestSystems;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The daily verification: the gauge, the register event and the mail when a chain is broken. */
@IntegrationTest
class ChainVerificationJobIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    ChainVerificationJob job;
    @Autowired
    Checkpointer checkpointer;
    @Autowired
    MeterRegistry meters;
    @Autowired
    JdbcClient jdbc;
    @Value("${spring.datasource.url}")
    String databaseUrl;

    Api api;
    String intact;
    String tampered;

    @BeforeEach
    void twoSystemsWithCheckpoints() {
        api = Api.anonymous(port);
        intact = TestSystems.register(api, "logs-daily-ok");
        tampered = TestSystems.register(api, "logs-daily-bad");
        for (String system : List.of(intact, tampered)) {
            ingest(system, "[{\"type\":\"custom\",\"payload\":{\"n\":1}},{\"type\":\"custom\",\"payload\":{\"n\":2}}]");
        }
        checkpointer.checkpoint(); // at seq 3
        for (String system : List.of(intact, tampered)) {
            ingest(system, "[{\"type\":\"custom\",\"payload\":{\"n\":4}},{\"type\":\"custom\",\"payload\":{\"n\":5}}]");
        }
    }

    @Test
    void aTamperedChainTurnsTheGaugeToZeroIsRecordedAndMailedOnce() throws Exception {
        Tampering.asSuperuser(databaseUrl, "UPDATE log_event SET payload = '{\"n\": 666}' WHERE system_id = '%s' AND seq = 5".formatted(tampered));

        job.verifyAll();

        assertThat(gauge(intact)).isEqualTo(1.0);
        assertThat(gauge(tampered)).isEqualTo(0.0);
        assertThat(api.as("auditor").get("/actuator/prometheus").body())
                .contains("aiact_log_chain_valid{system=\"" + tampered + "\"} 0.0")
                .contains("aiact_log_chain_valid{system=\"" + intact + "\"} 1.0");

        JsonNode recorded = failures(tampered);
        assertThat(recorded).hasSize(1);
        assertThat(recorded.get(0).at("/payload/firstInvalidSeq").asLong()).isEqualTo(5);
        assertThat(recorded.get(0).at("/payload/verification").asText()).isEqualTo("incremental");
        assertThat(recorded.get(0).at("/payload/startedAfterSeq").asLong()).isEqualTo(3);
        assertThat(recorded.get(0).at("/payload/reason").asText()).contains("altered");
        assertThat(failures(intact)).isEmpty();

        List<MimeMessage> mails = mailsAbout(tampered);
        assertThat(mails).hasSize(1);
        assertThat(recipients(mails.get(0))).contains("process-owner@aiact-ops.example", "auditor@aiact-ops.example");
        assertThat(mails.get(0).getSubject()).contains("event 5");
        assertThat(mailsAbout(intact)).isEmpty();

        // The next day: still broken (verified in full now, so a later checkpoint cannot hide it), not mailed again.
        checkpointer.checkpoint();
        job.verifyAll();
        assertThat(gauge(tampered)).isEqualTo(0.0);
        assertThat(job.result(tampered).orElseThrow().firstInvalidSeq()).isEqualTo(5);
        assertThat(failures(tampered)).hasSize(1);
        assertThat(mailsAbout(tampered)).hasSize(1);
    }

    @Test
    void aRunMissedSinceTheLastOneIsCaughtUpAfterAStartAndOnlyThen() {
        Instant threeDaysAgo = Instant.now().minus(Duration.ofDays(3));
        jdbc.sql("UPDATE log_verification_claim SET claimed_at = ? WHERE id = 1")
                .param(java.sql.Timestamp.from(threeDaysAgo)).update();

        job.catchUp();

        assertThat(job.result(intact)).as("verified by the catch-up").isPresent();
        assertThat(gauge(intact)).isEqualTo(1.0);
        Instant claimed = lastClaim();
        assertThat(claimed).isAfter(threeDaysAgo.plus(Duration.ofDays(2)));

        // A run is missed only when a scheduled time (03:15 server time) passed since the last one.
        Instant lastRun = Instant.parse("2026-12-07T12:00:00Z");
        ZoneId zone = ZoneId.systemDefault();
        java.time.ZonedDateTime sameDay = lastRun.atZone(zone).toLocalDate().atTime(3, 15).atZone(zone);
        Instant nextDue = (sameDay.toInstant().isAfter(lastRun) ? sameDay : sameDay.plusDays(1)).toInstant();
        assertThat(job.missedSince(lastRun, nextDue.minusSeconds(1))).isFalse();
        assertThat(job.missedSince(lastRun, nextDue)).isTrue();
    }

    private Instant lastClaim() {
        return jdbc.sql("SELECT claimed_at FROM log_verification_claim WHERE id = 1").query(java.sql.Timestamp.class)
                .single().toInstant();
    }

    @Test
    void oneNodeClaimsEachRun() {
        Instant run = Instant.parse("2100-01-01T03:15:00Z");

        assertThat(job.claim(run)).isTrue();
        assertThat(job.claim(run.plusSeconds(5))).as("another node, a few seconds later").isFalse();
        assertThat(job.claim(run.plus(Duration.ofHours(24)))).as("the next day").isTrue();
    }

    private double gauge(String system) {
        return meters.get(ChainVerificationJob.CHAIN_VALID).tag("system", system).gauge().value();
    }

    private JsonNode failures(String system) {
        return api.as("auditor").get("/api/systems/" + system + "/logs?type=chain_verification_failed").json().get("events");
    }

    private static List<MimeMessage> mailsAbout(String system) throws MessagingException {
        List<MimeMessage> about = new ArrayList<>();
        for (MimeMessage message : TestMail.server().getReceivedMessages()) {
            if (message.getSubject().contains("Log register of " + system + " ")) {
                about.add(message);
            }
        }
        // GreenMail keeps one copy per recipient: count distinct messages.
        return about.stream().filter(distinctBy()).toList();
    }

    private static java.util.function.Predicate<MimeMessage> distinctBy() {
        java.util.Set<String> seen = new java.util.HashSet<>();
        return message -> {
            try {
                return seen.add(message.getMessageID());
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private static List<String> recipients(MimeMessage message) throws MessagingException {
        return Arrays.stream(message.getAllRecipients()).map(Address::toString).toList();
    }

    private void ingest(String system, String body) {
        Api.Response response = api.as("ingest").send("POST", "/api/systems/" + system + "/logs", "application/json", body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

}
