package io.aiactops.serving;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aiactops.logs.LogEventType;
import io.aiactops.logs.LogRegister;
import io.aiactops.platform.Sha256;
import org.springframework.stereotype.Component;

/**
 * What the register keeps of CloudEvents (docs/integrations.md): a KServe or Seldon request and response
 * as one {@code inference} event, a half recorded alone or late, any other type as a {@code custom} event.
 * Client event ids derive from (ce-id, ce-type) only, so a redelivery is recognised by the register.
 */
@Component
class InferenceEvents {

    static final String CLIENT_EVENT_PREFIX = "cloudevent:";
    private static final int MAX_CLIENT_EVENT_ID = 200;

    /** How an inference event came about: both halves, one half after the wait, or the late partner. */
    enum Pairing {
        PAIRED, UNPAIRED, LATE;

        String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final ObjectMapper json;
    private final ServingProperties properties;

    InferenceEvents(ObjectMapper json, ServingProperties properties) {
        this.json = json;
        this.properties = properties;
    }

    static String clientEventId(String ceType, String ceId) {
        String id = CLIENT_EVENT_PREFIX + ceType + ":" + ceId;
        if (id.length() <= MAX_CLIENT_EVENT_ID) {
            return id;
        }
        return CLIENT_EVENT_PREFIX + "sha256:" + Sha256.of(ceType + "\n" + ceId);
    }

    /** A request and response with {@code request} possibly absent (recorded alone or late) and likewise the response. */
    LogRegister.Entry inference(CloudEvent request, CloudEvent response, Pairing pairing, ModelVersions.Resolved version,
            Map<String, Object> origin) {
        CloudEvent any = request != null ? request : response;
        Map<String, Object> cloudEvent = new LinkedHashMap<>();
        cloudEvent.put("id", any.id());
        cloudEvent.put("source", any.source());
        cloudEvent.put("specversion", "1.0");
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("cloudEvent", cloudEvent);
        if (any.isSeldon()) {
            payload.put("seldon", seldon(any));
        } else {
            payload.put("kserve", kserve(any));
        }
        payload.put("pairing", pairing.wireName());
        payload.put("modelVersionSource", version.source().wireName());
        payload.put("input", request == null ? null : half(request));
        payload.put("output", response == null ? null : half(response));
        payload.putAll(origin);
        String type = pairing == Pairing.PAIRED ? any.pairedType() : any.type();
        return new LogRegister.Entry(LogEventType.INFERENCE, any.time(), version.version(),
                clientEventId(type, any.id()), payload);
    }

    private static Map<String, Object> kserve(CloudEvent half) {
        Map<String, Object> kserve = new LinkedHashMap<>();
        kserve.put("inferenceService", half.extension("inferenceservicename"));
        kserve.put("namespace", half.extension("namespace"));
        kserve.put("component", half.extension("component"));
        kserve.put("endpoint", half.extension("endpoint"));
        kserve.put("metadata", half.extension("metadata"));
        kserve.put("annotations", half.extension("annotations"));
        return kserve;
    }

    private static Map<String, Object> seldon(CloudEvent half) {
        Map<String, Object> seldon = new LinkedHashMap<>();
        seldon.put("model", half.extension(CloudEvent.SELDON_MODEL));
        seldon.put("pipeline", half.extension(CloudEvent.SELDON_PIPELINE));
        seldon.put("namespace", half.extension("namespace"));
        seldon.put("topic", half.extension(CloudEvent.SELDON_TOPIC));
        return seldon;
    }

    LogRegister.Entry custom(CloudEvent event) {
        Map<String, Object> cloudEvent = new LinkedHashMap<>();
        cloudEvent.put("id", event.id());
        cloudEvent.put("source", event.source());
        cloudEvent.put("type", event.type());
        cloudEvent.put("specversion", "1.0");
        cloudEvent.put("time", event.time() == null ? null : event.time().toString());
        cloudEvent.put("extensions", event.extensions());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("cloudEvent", cloudEvent);
        payload.putAll(data(event));
        return new LogRegister.Entry(LogEventType.CUSTOM, event.time(), null, clientEventId(event.type(), event.id()),
                payload);
    }

    /** A half as kept in {@code cloudevent_pair} until it is recorded. */
    String store(CloudEvent half) {
        try {
            return json.writeValueAsString(half);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a CloudEvent could not be written as JSON", e);
        }
    }

    CloudEvent restore(String stored) {
        try {
            return json.readValue(stored, CloudEvent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a pending CloudEvent half is not readable", e);
        }
    }

    private Map<String, Object> half(CloudEvent event) {
        Map<String, Object> half = new LinkedHashMap<>();
        half.put("type", event.type());
        half.put("time", event.time() == null ? null : event.time().toString());
        half.put("recordedTime", event.extension("recordedtime"));
        half.putAll(data(event));
        return half;
    }

    /** JSON data in full up to {@code max-stored-data}; larger or non-JSON data as its SHA-256 and size. */
    private Map<String, Object> data(CloudEvent event) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("contentType", event.dataContentType());
        byte[] bytes;
        if (event.data() != null) {
            String text = event.data().toString();
            bytes = text.getBytes(StandardCharsets.UTF_8);
            if (bytes.length <= properties.maxStoredData().toBytes()) {
                data.put("data", event.data());
                return data;
            }
        } else {
            bytes = event.rawData();
        }
        data.put("dataRef", Map.of("sha256", Sha256.of(bytes), "bytes", bytes.length));
        return data;
    }
}
