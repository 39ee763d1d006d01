package io.aiactops.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import io.aiactops.oversight.OversightReviewProcess;
import io.aiactops.support.Api;
import io.aiactops.support.Await;
import io.aiactops.support.IntegrationTest;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The demo's promise (README): the seeded two-week history has a valid chain, and the demo system's
 * built-in monitors open a drift and a group-parity review for the overseer within two minutes.
 */
@IntegrationTest
class DemoMonitoringHistoryIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    TaskService taskService;

    @Test
    void theBuiltInMonitorsOpenReviewsForTheOverseerOverAValidChain() {
        for (String metric : new String[] {"psi_drift", "group_parity_ratio"}) {
            Await.until("a review of " + metric + " in the overseer's Tasklist", Duration.ofMinutes(2),
                    () -> taskService.createTaskQuery().taskCandidateUser("overseer")
                            .processInstanceBusinessKey(OversightReviewProcess.businessKey(DemoData.SYSTEM_ID, metric))
                            .count() == 1);
        }
        Api.Response verification = Api.anonymous(port).as("auditor")
                .get("/api/systems/" + DemoData.SYSTEM_ID + "/logs/verify");
        assertThat(verification.status()).as(verification.body()).isEqualTo(200);
        assertThat(verification.json().get("valid").asBoolean()).as(verification.body()).isTrue();
    }
}
