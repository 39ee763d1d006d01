package io.aiactops.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.aiactops.support.Api;
import io.aiactops.support.IntegrationTest;
import io.aiactops.support.TestSystems;
import io.aiactops.support.WebappSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A person completes a task, or starts a case, with the fields of its form only: through /engine-rest and
 * through Tasklist's own API, a variable the form does not let them enter is refused with 400 and changes
 * nothing, and no other door (task variables, starting a process aiact-ops starts itself) is open to them.
 */
@IntegrationTest
class FormSubmissionIntegrationTest {

    private static final String TASKLIST_ENGINE = "/camunda/api/engine/engine/default";

    @LocalServerPort
    int port;

    @Test
    void aReviewIsCompletedWithTheFieldsOfItsFormOnly() {
        Api api = Api.anonymous(port);
        String systemId = TestSystems.register(api, "form-guard");
        String taskId = openReview(api, systemId);
        Map<String, Object> forged = variables("decision", "dismiss", "decisionReason", "A sensor glitch",
                "aiSystemId", "demo-credit-scoring", "stage", "closed");

        for (String completion : new String[] {"/complete", "/submit-form"}) {
            Api.Response refused = api.as("overseer").post("/engine-rest/task/" + taskId + completion, forged);
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.json().get("message").asText()).isEqualTo("A task is completed with the fields of its form"
                    + " 'review-monitoring-alert' only: 'stage' is not a field of it; 'aiSystemId' is shown read-only");
        }
        // However the path is spelt, and whatever ends the task.
        for (String spelt : new String[] {"/complete/", "/%63omplete", "/bpmnError"}) {
            Map<String, Object> body = new LinkedHashMap<>(forged);
            body.put("errorCode", "no_decision");
            Api.Response refused = api.as("overseer").post("/engine-rest/task/" + taskId + spelt, body);
            assertThat(refused.status()).as(spelt + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.body()).as(spelt).contains("'aiSystemId' is shown read-only");
        }
        // Path parameters are refused before any of it (Spring Security's firewall).
        assertThat(api.as("overseer").post("/engine-rest/task/" + taskId + "/complete;v=1", forged).status()).isEqualTo(400);
        Api.Response unreadable = api.as("overseer").send("POST", "/engine-rest/task/" + taskId + "/complete",
                "application/json", "{\"variables\": {\"aiSystemId\": {\"value\": \"demo-credit-scoring\"}}, /* */}");
        assertThat(unreadable.status()).as(unreadable.body()).isEqualTo(400);
        assertThat(unreadable.json().get("message").asText()).startsWith("The request body must be one JSON object");
        // A BPMN error that no boundary event catches fails instead of ending the review without a decision.
        Api.Response noErrorPath = api.as("overseer").post("/engine-rest/task/" + taskId + "/bpmnError",
                Map.of("errorCode", "no_decision"));
        assertThat(noErrorPath.status()).as(noErrorPath.body()).isGreaterThanOrEqualTo(400);

        WebappSession tasklist = WebappSession.anonymous(port);
        assertThat(tasklist.logIn("tasklist", "overseer", "demo").status()).isEqualTo(200);
        Api.Response throughTasklist = tasklist.post(TASKLIST_ENGINE + "/task/" + taskId + "/submit-form", forged);
        assertThat(throughTasklist.status()).as(throughTasklist.body()).isEqualTo(400);
        assertThat(throughTasklist.json().get("message").asText()).contains("'aiSystemId' is shown read-only");
        // Nor beside the form: a candidate works on the task (TASK_WORK), setting variables needs more.
        Api.Response setBeside = api.as("overseer").post("/engine-rest/task/" + taskId + "/variables",
                Map.of("modifications", values("aiSystemId", "demo-credit-scoring")));
        assertThat(setBeside.status()).as(setBeside.body()).isEqualTo(403);
        Api.Response setBesideInTasklist = tasklist.post(TASKLIST_ENGINE + "/task/" + taskId + "/variables",
                Map.of("modifications", values("aiSystemId", "demo-credit-scoring")));
        assertThat(setBesideInTasklist.status()).as(setBesideInTasklist.body()).isEqualTo(403);
        // Without a login, the engine's 401 comes first.
        assertThat(api.post("/engine-rest/task/" + taskId + "/complete", forged).status()).isEqualTo(401);
        WebappSession notLoggedIn = WebappSession.anonymous(port);
        notLoggedIn.get("/camunda/app/tasklist/");
        assertThat(notLoggedIn.post(TASKLIST_ENGINE + "/task/" + taskId + "/submit-form", forged).status()).isEqualTo(401);

        Api admin = api.as("admin");
        assertThat(admin.get("/engine-rest/task/" + taskId).status()).as("the task is still open").isEqualTo(200);
        assertThat(admin.get("/engine-rest/task/" + taskId + "/variables/aiSystemId").json().get("value").asText())
                .isEqualTo(systemId);

        // Handing it over is still theirs: claim, then unclaim (TASK_ASSIGN on reviews).
        assertThat(api.as("overseer").post("/engine-rest/task/" + taskId + "/claim", Map.of("userId", "overseer"))
                .status()).isEqualTo(204);
        Api.Response unclaimed = api.as("overseer").post("/engine-rest/task/" + taskId + "/unclaim", Map.of());
        assertThat(unclaimed.status()).as(unclaimed.body()).isEqualTo(204);

        // The form's own fields, as Tasklist sends them, complete it.
        assertThat(tasklist.post(TASKLIST_ENGINE + "/task/" + taskId + "/claim", Map.of("userId", "overseer")).status())
                .isEqualTo(204);
        Api.Response completed = tasklist.post(TASKLIST_ENGINE + "/task/" + taskId + "/submit-form",
                variables("decision", "dismiss", "decisionReason", "A sensor glitch, checked with the data team"));
        assertThat(completed.status()).as(completed.body()).isEqualTo(204);
        assertThat(admin.get("/engine-rest/task/" + taskId).status()).isEqualTo(404);
    }

    @Test
    void peopleStartOnlyCasesWithAStartFormAndFromTheirStart() {
        Api api = Api.anonymous(port);
        String systemId = TestSystems.register(api, "form-guard-start");
        String stops = "/engine-rest/process-instance?processDefinitionKey=system-stop&businessKey=" + systemId;

        Api.Response stoppedBySomeoneElse = api.as("overseer").post("/engine-rest/process-definition/key/system-stop/start",
                variables("aiSystemId", systemId, "stopReason", "Drift", "stoppedBy", "process-owner"));
        assertThat(stoppedBySomeoneElse.status()).as(stoppedBySomeoneElse.body()).isEqualTo(400);
        assertThat(stoppedBySomeoneElse.json().get("message").asText())
                .isEqualTo("A case is started with the fields of its form 'stop-ai-system' only: 'stoppedBy' is not a field of it");

        Map<String, Object> partWay = new LinkedHashMap<>(variables("aiSystemId", systemId, "stopReason", "Drift"));
        partWay.put("startInstructions", List.of(Map.of("type", "startBeforeActivity",
                "activityId", "Task_ResumeSystem")));
        Api.Response resumedAtOnce = api.as("overseer").post("/engine-rest/process-definition/key/system-stop/submit-form",
                partWay);
        assertThat(resumedAtOnce.status()).as(resumedAtOnce.body()).isEqualTo(400);
        assertThat(resumedAtOnce.json().get("message").asText()).contains("startInstructions would begin it part-way");
        assertThat(api.as("admin").get(stops).json()).as("no stop was started").isEmpty();
        // With its form's fields only, the stop starts.
        Api.Response stopped = api.as("overseer").post("/engine-rest/process-definition/key/system-stop/submit-form",
                variables("aiSystemId", systemId, "stopReason", "Drift beyond the plan's limits"));
        assertThat(stopped.status()).as(stopped.body()).isEqualTo(200);
        assertThat(api.as("admin").get("/api/systems/" + systemId).json().get("status").asText()).isEqualTo("SUSPENDED");

        // An ended case is not restarted part-way, whoever holds the history of it.
        String definition = api.as("incident-manager").get("/engine-rest/process-definition/key/serious-incident")
                .json().get("id").asText();
        Api.Response restarted = api.as("incident-manager").post("/engine-rest/process-definition/" + definition + "/restart",
                Map.of("processInstanceIds", List.of(UUID.randomUUID().toString()), "skipCustomListeners", true,
                        "instructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "Task_SendFirstReport"))));
        assertThat(restarted.status()).as(restarted.body()).isEqualTo(400);
        assertThat(restarted.json().get("message").asText()).startsWith("An ended case is not restarted part-way");

        // Processes without a start form are aiact-ops's to start: people may not, and not with variables.
        for (String[] start : new String[][] {{"overseer", "regime-reporting"}, {"incident-manager", "corrective-action"},
                {"overseer", "model-deployment"}}) {
            Api.Response refused = api.as(start[0]).post("/engine-rest/process-definition/key/" + start[1] + "/start",
                    Map.of());
            assertThat(refused.status()).as(start[0] + " starting " + start[1] + ": " + refused.body()).isEqualTo(403);
        }
        Api.Response byProcessOwner = api.as("process-owner").post(
                "/engine-rest/process-definition/key/corrective-action/start", variables("aiSystemId", systemId));
        assertThat(byProcessOwner.status()).as(byProcessOwner.body()).isEqualTo(400);
        assertThat(byProcessOwner.json().get("message").asText()).startsWith("This process has no start form");
    }

    @Test
    void aTaskWithoutAFormIsCompletedWithoutVariables() {
        Api processOwner = Api.anonymous(port).as("process-owner");
        String key = "formless-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response deployed = processOwner.deploy(key, Map.of(key + ".bpmn", """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Formless" targetNamespace="test">
                  <bpmn:process id="%s" name="A process owner's sketch" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <bpmn:startEvent id="StartEvent_Sketch" name="Started"/>
                    <bpmn:sequenceFlow id="Flow_ToCheck" sourceRef="StartEvent_Sketch" targetRef="Task_Check"/>
                    <bpmn:userTask id="Task_Check" name="Check something" camunda:candidateGroups="process-owners"/>
                    <bpmn:sequenceFlow id="Flow_ToEnd" sourceRef="Task_Check" targetRef="EndEvent_Checked"/>
                    <bpmn:endEvent id="EndEvent_Checked" name="Checked"/>
                  </bpmn:process>
                </bpmn:definitions>""".formatted(key)));
        assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
        Api.Response started = processOwner.post("/engine-rest/process-definition/key/" + key + "/start", Map.of());
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        String taskId = processOwner.get("/engine-rest/task?processInstanceId=" + started.json().get("id").asText())
                .json().get(0).get("id").asText();

        // Tasklist would let a person type any variable into it, so it takes none.
        Api.Response refused = processOwner.post("/engine-rest/task/" + taskId + "/complete", variables("verdict", "fine"));
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().get("message").asText())
                .isEqualTo("A task is completed without variables: it has no Camunda Form, deployed with it, that would"
                        + " say which it takes");
        assertThat(processOwner.post("/engine-rest/task/" + taskId + "/complete", Map.of()).status()).isEqualTo(204);
    }

    /** A review opened by a breach of a fresh system; its task's id. */
    private static String openReview(Api api, String systemId) {
        Api.Response breach = api.as("ingest").post("/api/systems/" + systemId + "/signals", Map.of("metric", "accuracy",
                "category", "performance", "value", 0.5, "observedAt", Instant.now().toString()));
        assertThat(breach.status()).as(breach.body()).isEqualTo(202);
        String reviewId = breach.json().get("breaches").get(0).get("reviewId").asText();
        return api.as("admin").get("/engine-rest/task?processInstanceId=" + reviewId).json().get(0).get("id").asText();
    }

    /** A body of {@code variables}, {@code name, value, ...}, as Tasklist sends a form. */
    private static Map<String, Object> variables(String... namesAndValues) {
        return Map.of("variables", values(namesAndValues));
    }

    /** {@code name, value, ...} as /engine-rest's variables, strings typed as Camunda infers them. */
    private static Map<String, Object> values(String... namesAndValues) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put(namesAndValues[i], Map.of("value", namesAndValues[i + 1]));
        }
        return values;
    }
}
