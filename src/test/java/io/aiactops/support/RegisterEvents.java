package io.aiactops.support;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** A system's register events as the auditor reads them through the API. */
public final class RegisterEvents {

    private RegisterEvents() {
    }

    /** The events of {@code type} in chain order; {@code type} null: all of them. */
    public static List<JsonNode> of(Api api, String systemId, String type) {
        List<JsonNode> events = new ArrayList<>();
        api.as("auditor").get("/api/systems/" + systemId + "/logs" + (type == null ? "" : "?type=" + type)).json()
                .get("events").forEach(events::add);
        return events;
    }
}
