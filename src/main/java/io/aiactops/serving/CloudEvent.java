package io.aiactops.serving;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One CloudEvent 1.0 as received, validated. {@code data} is the parsed JSON when the data is JSON,
 * else {@code null} and {@code rawData} holds the bytes; {@code extensions} are the other attributes.
 */
record CloudEvent(String id, String source, String type, Instant time, String dataContentType,
        Map<String, String> extensions, JsonNode data, byte[] rawData) {

    static final String KSERVE_REQUEST = "org.kubeflow.serving.inference.request";
    static final String KSERVE_RESPONSE = "org.kubeflow.serving.inference.response";
    /** The type family a paired request and response are recorded under. */
    static final String KSERVE_INFERENCE = "org.kubeflow.serving.inference";

    @JsonIgnore
    boolean isKServeHalf() {
        return KSERVE_REQUEST.equals(type) || KSERVE_RESPONSE.equals(type);
    }

    @JsonIgnore
    boolean isRequest() {
        return KSERVE_REQUEST.equals(type);
    }

    String extension(String name) {
        return extensions.get(name);
    }
}
