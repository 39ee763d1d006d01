package io.aiactops.monitoring.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import io.aiactops.oversight.OversightReviewProcess;
import io.aiactops.support.Api;
import io.aiactops.support.IntegrationTest;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The demo's promise (README), on the demo data the integration tests start with: the seeded
 * two-week history has a valid chain, and one run of the demo system's built-in monitors (the first
 * scheduled poll of a demo start) opens a drift and a group-parity review for the overseer.
 */
@IntegrationTest
class DemoMonitorsIntegrationTest {

    private static final String DEMO_SYSTEM = "demo-credit-scoring";

    @LocalServerPort
    int port;
    @Autowired
    BuiltinMonitorRun run;
    @Autowired
    TaskService taskService;

    @Test
    void oneRunOpensTheDemosDriftAndParityReviewsOverAValidChain() {
        run.run(DEMO_SYSTEM);

        for (String metric : new String[] {"psi_drift", "group_parity_ratio"}) {
            assertThat(taskService.createTaskQuery().taskCandidateUser("overseer")
                    .processInstanceBusinessKey(OversightReviewProcess.businessKey(DEMO_SYSTEM, metric)).count())
                    .as("reviews of %s in the overseer's Tasklist", metric).isEqualTo(1);
        }
        Api.Response verification = Api.anonymous(port).as("auditor").get("/api/systems/" + DEMO_SYSTEM + "/logs/verify");
        assertThat(verification.status()).as(verification.body()).isEqualTo(200);
        assertThat(verification.json().get("valid").asBoolean()).as(verification.body()).isTrue();
    }
}
