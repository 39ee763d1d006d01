package io.aiactops.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import io.aiactops.platform.security.Roles;
import io.aiactops.support.Api;
import io.aiactops.support.IntegrationTest;
import io.aiactops.support.TestSystems;
import io.aiactops.support.WebappSession;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The case board's data: the open cases of GET /api/incidents?status=open, for whoever is logged in to
 * the Camunda webapps in one of the groups that follow incidents, and for nobody else.
 */
@IntegrationTest
class CaseBoardIntegrationTest {

    private static final String BOARD_DATA = "/cases/incidents.json";

    private final int port;
    private final Api api;
    private final IdentityService identityService;

    CaseBoardIntegrationTest(@LocalServerPort int port, @Autowired IdentityService identityService) {
        this.port = port;
        this.api = Api.anonymous(port);
        this.identityService = identityService;
    }

    @Test
    void anIncidentManagerLoggedInToTasklistSeesTheOpenCaseWithItsTask() {
        // Given: a serious incident reported through the API
        String caseId = report(TestSystems.register(api, "board"));

        // When: an incident manager logs in to Tasklist and the board asks for its data
        WebappSession browser = WebappSession.anonymous(port);
        assertThat(browser.logIn("tasklist", "incident-manager", "demo").status()).isEqualTo(200);
        Api.Response board = browser.get(BOARD_DATA);

        // Then: the case is there, with the same deadline and tasks as the API shows
        assertThat(board.status()).as(board.body()).isEqualTo(200);
        JsonNode onBoard = find(board.json(), caseId);
        JsonNode inApi = find(api.as("incident-manager").get("/api/incidents?status=open").json(), caseId);
        assertThat(onBoard.get("status").asText()).isEqualTo("OPEN");
        assertThat(onBoard.get("memberStates")).isEqualTo(inApi.get("memberStates"));
        assertThat(onBoard.path("deadlineAt")).isEqualTo(inApi.path("deadlineAt"));
        assertThat(onBoard.get("currentTasks")).isEqualTo(inApi.get("currentTasks"));
        JsonNode task = onBoard.get("currentTasks").get(0);
        assertThat(task.get("name").asText()).isEqualTo("Classify incident");
        assertThat(task.get("tasklistUrl").asText()).isEqualTo("/camunda/app/tasklist/default/#/?task=" + task.get("id").asText());
    }

    @Test
    void withoutAWebappLoginTheBoardAnswers401AndNeverAsksForHttpBasic() {
        Api.Response board = WebappSession.anonymous(port).get(BOARD_DATA);
        Api.Response withBasic = api.as("incident-manager").get(BOARD_DATA);

        assertThat(board.status()).isEqualTo(401);
        assertThat(board.contentType()).startsWith("application/problem+json");
        assertThat(board.json().get("detail").asText()).contains("log in to Tasklist");
        assertThat(withBasic.status()).as("the board uses the webapps' login, not HTTP Basic").isEqualTo(401);
    }

    @Test
    void aUserOfAnotherGroupIsRefused() {
        WebappSession browser = WebappSession.anonymous(port);
        // The welcome page is open to every user; the ingest client has no Tasklist access at all.
        assertThat(browser.logIn("welcome", "ingest", "demo").status()).isEqualTo(200);

        Api.Response board = browser.get(BOARD_DATA);

        assertThat(board.status()).isEqualTo(403);
        assertThat(board.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aMembershipRemovedAfterLoginStopsCountingAtOnce() {
        String userId = "board-" + UUID.randomUUID().toString().substring(0, 8);
        User user = identityService.newUser(userId);
        user.setPassword("secret-" + userId);
        identityService.saveUser(user);
        identityService.createMembership(userId, Roles.INCIDENT_MANAGERS);
        try {
            WebappSession browser = WebappSession.anonymous(port);
            assertThat(browser.logIn("tasklist", userId, "secret-" + userId).status()).isEqualTo(200);
            assertThat(browser.get(BOARD_DATA).status()).isEqualTo(200);

            identityService.deleteMembership(userId, Roles.INCIDENT_MANAGERS);

            assertThat(browser.get(BOARD_DATA).status()).isEqualTo(403);
        } finally {
            identityService.deleteUser(userId);
        }
    }

    @Test
    void thePageItselfIsServedToAnyone() {
        Api.Response page = WebappSession.anonymous(port).get("/cases");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("<title>Open serious incidents", "/cases/board.js");
        assertThat(WebappSession.anonymous(port).get("/cases/board.js").status()).isEqualTo(200);
    }

    private String report(String systemId) {
        Api.Response reported = api.as("incident-manager").post("/api/incidents", Map.of(
                "aiSystemId", systemId,
                "description", "Applicants over 60 were refused credit by an outdated rule of " + systemId,
                "occurredAt", Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString(),
                "reporter", "Claire Martin, bank branch Lyon",
                "reporterContact", "claire.martin@bank.example",
                "memberStates", List.of("FR", "DE"),
                "personsAffected", 3));
        assertThat(reported.status()).as(reported.body()).isEqualTo(201);
        return reported.json().get("id").asText();
    }

    private static JsonNode find(JsonNode cases, String caseId) {
        return StreamSupport.stream(cases.spliterator(), false)
                .filter(c -> caseId.equals(c.get("id").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(caseId + " is not among the open cases: " + cases));
    }
}
