package io.aiactops.serving;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One CloudEvent 1.0 as received, validated. {@code data} is the parsed JSON when the data is JSON,
 * else {@code null} and {@code rawData} holds the bytes; {@code extensions} are the other attributes.
 * A Seldon Core 2 record is read into the same shape (docs/integrations.md), so that its request and
 * response halves are paired as KServe's are.
 */
record CloudEvent(String id, String source, String type, Instant time, String dataContentType,
        Map<String, String> extensions, JsonNode data, byte[] rawData) {

    static final String KSERVE_REQUEST = "org.kubeflow.serving.inference.request";
    static final String KSERVE_RESPONSE = "org.kubeflow.serving.inference.response";
    /** The type family a paired KServe request and response are recorded under. */
    static final String KSERVE_INFERENCE = "org.kubeflow.serving.inference";
    static final String SELDON_REQUEST = "io.seldon.serving.inference.request";
    static final String SELDON_RESPONSE = "io.seldon.serving.inference.response";
    static final String SELDON_INFERENCE = "io.seldon.serving.inference";
    /** Extensions of a Seldon half: the model or pipeline it went to, its namespace and its topic. */
    static final String SELDON_MODEL = "seldonmodel";
    static final String SELDON_PIPELINE = "seldonpipeline";
    static final String SELDON_TOPIC = "seldontopic";

    /** A request or response half, to be paired with its partner of the same id. */
    @JsonIgnore
    boolean isInferenceHalf() {
        return isRequest() || KSERVE_RESPONSE.equals(type) || SELDON_RESPONSE.equals(type);
    }

    @JsonIgnore
    boolean isRequest() {
        return KSERVE_REQUEST.equals(type) || SELDON_REQUEST.equals(type);
    }

    @JsonIgnore
    boolean isSeldon() {
        return SELDON_REQUEST.equals(type) || SELDON_RESPONSE.equals(type);
    }

    /** The type a paired request and response are recorded under. */
    @JsonIgnore
    String pairedType() {
        return isSeldon() ? SELDON_INFERENCE : KSERVE_INFERENCE;
    }

    /** What the model-version mapping matches: KServe's InferenceService, or Seldon's model or pipeline. */
    @JsonIgnore
    String servedBy() {
        if (!isSeldon()) {
            return extension("inferenceservicename");
        }
        String model = extension(SELDON_MODEL);
        return model != null ? model : extension(SELDON_PIPELINE);
    }

    String extension(String name) {
        return extensions.get(name);
    }
}
