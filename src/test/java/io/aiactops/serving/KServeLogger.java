package io.aiactops.serving;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.aiactops.support.Api;

/**
 * Sends what KServe's inference logger sends (kserve/kserve pkg/logger/worker.go): one HTTP request per
 * inference request and one per response, CloudEvents 1.0 in binary mode, the same ce-id on both.
 */
final class KServeLogger {

    static final String REQUEST_BODY = "{\"instances\":[[6.8,2.8,4.8,1.4]]}";
    static final String RESPONSE_BODY = "{\"predictions\":[1]}";

    private final Api api;
    private final String systemId;

    KServeLogger(Api api, String systemId) {
        this.api = api;
        this.systemId = systemId;
    }

    Api.Response request(String id, Instant at) {
        return send(id, CloudEvent.KSERVE_REQUEST, at, REQUEST_BODY);
    }

    Api.Response response(String id, Instant at) {
        return send(id, CloudEvent.KSERVE_RESPONSE, at, RESPONSE_BODY);
    }

    Api.Response send(String id, String type, Instant at, String body) {
        return api.send("POST", "/api/systems/" + systemId + "/cloudevents", "application/json", body, headers(id, type, at));
    }

    /** The headers of sdk-go's binary mode as KServe's worker fills them. */
    static Map<String, String> headers(String id, String type, Instant at) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Ce-Id", id);
        headers.put("Ce-Source", "http://localhost:9081/");
        headers.put("Ce-Specversion", "1.0");
        headers.put("Ce-Type", type);
        headers.put("Ce-Time", at.toString());
        headers.put("Ce-Recordedtime", at.plusMillis(3).toString());
        headers.put("Ce-Inferenceservicename", "credit-scoring");
        headers.put("Ce-Namespace", "models");
        headers.put("Ce-Component", "predictor");
        headers.put("Ce-Endpoint", "default");
        headers.put("Ce-Metadata", "{}");
        return headers;
    }
}
