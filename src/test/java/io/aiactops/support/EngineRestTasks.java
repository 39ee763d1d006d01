package io.aiactops.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** User tasks worked through /engine-rest, as Tasklist works them, for an app running in its own JVM. */
public final class EngineRestTasks {

    private EngineRestTasks() {
    }

    /**
     * Waits for the process's open task of this activity, claims it for {@code assignee} and completes it
     * with these values (booleans as Boolean, anything else as String).
     */
    public static void complete(Api api, String processInstance, String activity, String assignee,
            Map<String, Object> values) {
        JsonNode task = Await.until(activity, Duration.ofSeconds(60), () -> api.get("/engine-rest/task?processInstanceId="
                + processInstance + "&taskDefinitionKey=" + activity).json(), tasks -> !tasks.isEmpty()).get(0);
        String taskId = task.get("id").asText();
        assertThat(api.post("/engine-rest/task/" + taskId + "/claim", Map.of("userId", assignee)).status()).isEqualTo(204);
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value,
                "type", value instanceof Boolean ? "Boolean" : "String")));
        Api.Response completed = api.post("/engine-rest/task/" + taskId + "/complete", Map.of("variables", variables));
        assertThat(completed.status()).as(completed.body()).isIn(200, 204);
    }
}
