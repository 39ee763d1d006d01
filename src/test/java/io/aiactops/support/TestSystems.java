package io.aiactops.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** AI systems registered through the API for one test, each with a unique id. */
public final class TestSystems {

    private TestSystems() {
    }

    public static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A valid registration body; tests change or drop fields to make it invalid. */
    public static Map<String, Object> registration(String id) {
        Map<String, Object> body = new HashMap<>();
        body.put("id", id);
        body.put("name", "Loan scoring " + id);
        body.put("intendedPurpose", "Scores consumer loan applications for a human loan officer.");
        body.put("providerName", "Test Provider SA");
        body.put("providerContact", "compliance@provider.example");
        body.put("annexIIICategory", "5(b)");
        body.put("memberStates", List.of("FR", "DE"));
        body.put("deployers", List.of(Map.of("name", "Bank A", "email", "ops@bank-a.example"),
                Map.of("name", "Bank B", "email", "ops@bank-b.example")));
        body.put("logRetentionDays", 365);
        return body;
    }

    /** Registers a fresh system as the demo process owner and returns its id. */
    public static String register(Api api, String prefix) {
        String id = uniqueId(prefix);
        Api.Response created = api.as("process-owner").post("/api/systems", registration(id));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return id;
    }
}
