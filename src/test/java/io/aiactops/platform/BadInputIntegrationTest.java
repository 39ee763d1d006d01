package io.aiactops.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.aiactops.support.Api;
import io.aiactops.support.IntegrationTest;
import io.aiactops.support.TestSystems;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.MethodParameter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * A generated corpus of hostile input against every {@code /api} endpoint the application maps
 * (read from Spring MVC, so an endpoint added later is covered): malformed JSON, wrong types, nulls,
 * huge numbers, a 10 MB body, deep nesting, unknown ids, unicode edge cases, wrong content types.
 * No answer is a 5xx, every refusal is problem+json that says what is wrong in the client's words (no
 * framework message, Java type or SQL state), and no row is written.
 */
@IntegrationTest
class BadInputIntegrationTest {

    /** Escapes every non-ASCII character, so that an unpaired surrogate reaches the server as {@code \\ud800}. */
    private static final ObjectMapper ESCAPING = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    private static final Logger log = LoggerFactory.getLogger(BadInputIntegrationTest.class);

    /** Tables whose rows only requests write (the job executor of other tests does not touch them). */
    private static final List<String> TABLES = List.of("ai_system", "ai_system_member_state", "ai_system_deployer",
            "model_version", "api_token", "evidence_hold", "incident_case", "incident_member_state",
            "incident_deadline", "incident_report", "log_chain_head", "log_event", "log_checkpoint",
            "act_hi_procinst", "act_ru_task", "cloudevent_pair");

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    JdbcClient jdbc;

    private final List<String> failures = new ArrayList<>();
    private final List<String> accepted = new ArrayList<>();
    private int requests;

    @Test
    void hostileInputGetsA4xxProblemNamingItAndWritesNothing() throws Exception {
        Api api = Api.anonymous(port);
        String systemId = TestSystems.register(api, "bad-input");
        String incidentId = api.as("incident-manager").post("/api/incidents", Map.of("aiSystemId", systemId,
                "description", "Bad input corpus", "occurredAt", Instant.now().minusSeconds(60).toString(),
                "reporter", "corpus", "reporterContact", "corpus@example.org", "memberStates", List.of("FR"),
                "personsAffected", 0)).json().get("id").asText();
        Api admin = api.as("admin");
        Map<String, Long> before = counts();

        int endpoints = 0;
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
            for (String pattern : mapping.getKey().getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                for (var method : mapping.getKey().getMethodsCondition().getMethods()) {
                    endpoints++;
                    attack(admin, method.name(), pattern, mapping.getValue(), systemId, incidentId);
                }
            }
        }
        // Headers beyond what the server reads: refused by Tomcat before any servlet.
        requests++;
        judge("GET /api/systems [a 20 kB header]", "GET", admin.send("GET", "/api/systems", null, null,
                Map.of("X-Padding", "a".repeat(20_000))));

        Map<String, Long> after = counts();
        accepted.forEach(a -> log.warn("Accepted: {}", a));
        failures.forEach(f -> log.warn("Failed: {}", f));
        log.info("RELIABILITY bad input: {} requests against {} /api endpoints; {} 5xx or malformed refusals; "
                + "{} accepted; row counts of {} tables unchanged: {}", requests, endpoints, failures.size(),
                accepted.size(), TABLES.size(), before.equals(after));
        assertThat(failures).as("5xx, or a 4xx that is not a problem naming what is wrong").isEmpty();
        assertThat(accepted).as("hostile requests that were accepted").isEmpty();
        assertThat(after).as("row counts").isEqualTo(before);
    }

    private void attack(Api api, String method, String pattern, HandlerMethod handler, String systemId, String incidentId)
            throws Exception {
        String known = pattern.replace("{holdId}", "1");
        known = pattern.startsWith("/api/incidents/") ? known.replace("{id}", incidentId) : known.replace("{id}", systemId);
        // Any other path variable (e.g. an instructions {version}) gets a plausible value on the known path.
        known = known.replaceAll("\\{[A-Za-z]+}", "1");
        // Unknown ids, ids no id looks like, and (the last seven) what no path may hold: Tomcat refuses an
        // encoded '/', '\' or NUL itself, Spring Security's firewall the others.
        for (String id : List.of("no-such-" + UUID.randomUUID(), enc("é💩\u202e"), "99999999999999999999999999",
                "-1", "a".repeat(600), enc("' OR 1=1 --"), "..%2F..%2Fetc", "a%5Cb", "a%00b", "a;b=1", "a%3Bb",
                "a%252Fb", "a%0Ab")) {
            send(api, method, pattern.replaceAll("\\{[A-Za-z]+}", java.util.regex.Matcher.quoteReplacement(id)),
                    "application/json",
                    method.equals("GET") || method.equals("DELETE") ? null : "{}".getBytes(StandardCharsets.UTF_8));
        }
        if (pattern.contains("{holdId}")) {
            send(api, method, pattern.replace("{id}", systemId).replace("{holdId}", "not-a-number"), "application/json",
                    "{}".getBytes(StandardCharsets.UTF_8));
        }
        // Query parameters the handler declares, each with values it cannot take.
        for (MethodParameter parameter : handler.getMethodParameters()) {
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (param == null) {
                continue;
            }
            String name = param.name().isEmpty() ? param.value().isEmpty() ? parameter.getParameterName() : param.value()
                    : param.name();
            for (String value : List.of("not-a-value", "-1", "99999999999999999999999999", "", enc("\u0000"),
                    enc("é💩"), "1e999", enc("2026-13-45T99:00:00Z"))) {
                send(api, method, known + "?" + name + "=" + value, null, null);
            }
        }
        RequestBody declared = bodyOf(handler);
        if (declared == null) {
            return;
        }
        String json = method.equals("PATCH") ? "application/merge-patch+json" : "application/json";
        for (Map.Entry<String, byte[]> body : bodies().entrySet()) {
            if (body.getValue().length > 0 || declared.required()) {
                send(api, method, known, json, body.getValue());
            }
        }
        for (String contentType : new String[] { "text/plain", "application/xml", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", null }) {
            send(api, method, known, contentType, "{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        }
        if (pattern.endsWith("/cloudevents")) {
            attackCloudEventHeaders(api, known);
        }
        Map<String, Object> sample = sample(pattern, systemId);
        if (sample != null) {
            for (String field : sample.keySet()) {
                for (Object value : wrongValues(sample.get(field))) {
                    Map<String, Object> mutated = new LinkedHashMap<>(sample);
                    mutated.put(field, value);
                    Object body = pattern.endsWith("/signals") || pattern.endsWith("/logs") ? List.of(mutated) : mutated;
                    send(api, method, known, json, ESCAPING.writeValueAsBytes(body));
                }
            }
        }
    }

    private static final RequestBody RAW_BODY = rawBodyAnnotation();

    private static RequestBody rawBodyAnnotation() {
        return new RequestBody() {
            @Override
            public boolean required() {
                return true;
            }

            @Override
            public Class<? extends java.lang.annotation.Annotation> annotationType() {
                return RequestBody.class;
            }
        };
    }

    private void send(Api api, String method, String path, String contentType, byte[] body) {
        requests++;
        String what = method + " " + path.substring(0, Math.min(path.length(), 160)) + " [" + contentType + ", "
                + (body == null ? "no body" : body.length > 2000 ? body.length + " bytes"
                        : new String(body, StandardCharsets.UTF_8)) + "]";
        Api.Response response;
        try {
            response = body == null ? api.send(method, path, contentType, (String) null)
                    : body.length > 2 * 1024 * 1024 ? raw(method, path, contentType, body)
                    : api.send(method, path, contentType, body);
        } catch (UncheckedIOException e) {
            failures.add(what + " -> no answer: " + e.getCause());
            return;
        }
        judge(what, method, response);
    }

    /** A CloudEvent in binary mode whose ce-* headers are wrong one at a time: attributes are headers there. */
    private void attackCloudEventHeaders(Api api, String path) {
        Map<String, String> valid = Map.of("ce-specversion", "1.0", "ce-id", UUID.randomUUID().toString(),
                "ce-source", "http://localhost:9081/", "ce-type", "org.kubeflow.serving.inference.request");
        for (String header : valid.keySet()) {
            for (String value : List.of("", "0.3", "é", "x".repeat(2_100), "%zz")) {
                Map<String, String> headers = new LinkedHashMap<>(valid);
                headers.put(header, value);
                if (header.equals("ce-type") && !value.isEmpty() && value.length() < 200) {
                    continue; // any other type is a valid custom event
                }
                if (header.equals("ce-source") && !value.isEmpty() && value.length() <= 2000 && !value.equals("%zz")) {
                    continue; // a source is any URI-reference
                }
                if (header.equals("ce-id") && !value.isEmpty() && value.length() <= 200 && !value.equals("%zz")) {
                    continue;
                }
                requests++;
                judge(path + " [" + header + ": " + value.substring(0, Math.min(value.length(), 40)) + "]", "POST",
                        api.send("POST", path, "application/json", "{\"instances\": [[1]]}", headers));
            }
        }
        requests++;
        judge(path + " [ce-time: yesterday]", "POST", api.send("POST", path, "application/json", "{}",
                new LinkedHashMap<>(Map.of("ce-specversion", "1.0", "ce-id", "t", "ce-source", "s",
                        "ce-type", "t", "ce-time", "yesterday"))));
    }

    private void judge(String what, String method, Api.Response response) {
        int status = response.status();
        if (status >= 200 && status < 300 && !method.equals("GET")) {
            accepted.add(what + " -> " + status + " " + response.body());
        } else if (status < 400) {
            return; // a read that ignores a parameter it cannot use
        } else if (status >= 500) {
            failures.add(what + " -> " + response);
        } else if (!response.contentType().startsWith("application/problem+json")) {
            failures.add(what + " -> not problem+json: " + response.contentType() + " " + response);
        } else if (response.json().path("detail").asText().isBlank()) {
            failures.add(what + " -> a problem that does not say what is wrong: " + response);
        } else if (FRAMEWORK_WORDS.matcher(response.body()).find()) {
            failures.add(what + " -> a framework's words, not the client's: " + response);
        }
    }

    /**
     * What a client must never read in an error: Jackson's and Spring's messages (also its parser's, for
     * text that is not JSON), Java packages and type names, SQL states, exception names. Each error says
     * the field, what was expected and what came.
     */
    static final java.util.regex.Pattern FRAMEWORK_WORDS = java.util.regex.Pattern.compile("Cannot coerce|Cannot deserialize"
            + "|not a valid|java\\.|com\\.fasterxml|org\\.springframework|org\\.camunda|SQLState|Exception"
            + "|\\b(Instant|Boolean|Long|Integer|Double|Float|BigDecimal|BigInteger|OffsetDateTime|LocalDate|LocalDateTime"
            + "|ZonedDateTime|Duration|JsonNode|ObjectNode|ArrayList|LinkedHashMap)\\b"
            // Jackson's parser: character codes, its settings, the markers of its source.
            + "|\\(code \\d+\\)|was expecting|JSON String|\\[Source|JsonReadFeature|StreamRead|CTRL-CHAR|close marker|end-of-input");

    /**
     * A large body over a plain socket: the server may answer (413, 400) and close before the client
     * has sent it all, which a browser or curl reports but java.net.http turns into an IOException.
     */
    private Api.Response raw(String method, String path, String contentType, byte[] body) {
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.setSoTimeout(60_000);
            String head = method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                    + "Authorization: Basic " + java.util.Base64.getEncoder().encodeToString("admin:demo".getBytes(StandardCharsets.UTF_8))
                    + "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + body.length + "\r\n\r\n";
            Thread writer = new Thread(() -> {
                try {
                    var out = socket.getOutputStream();
                    out.write(head.getBytes(StandardCharsets.US_ASCII));
                    out.write(body);
                    out.flush();
                } catch (java.io.IOException closedEarly) {
                    // the server answered before reading everything: its answer is what counts
                }
            });
            writer.start();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            writer.join();
            int status = Integer.parseInt(answer.substring(9, 12));
            String type = answer.lines().takeWhile(l -> !l.isEmpty())
                    .filter(l -> l.toLowerCase(java.util.Locale.ROOT).startsWith("content-type:"))
                    .map(l -> l.substring(13).trim()).findFirst().orElse("");
            String content = answer.substring(answer.indexOf("\r\n\r\n") + 4);
            if (answer.toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked")) {
                content = content.substring(content.indexOf("\r\n") + 2, content.lastIndexOf('}') + 1);
            }
            return new Api.Response(status, content, type);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, byte[]> bodies() {
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        for (String malformed : List.of("", "{", "{\"a\":", "[1,2", "nul", "{'a':1}", "{\"a\":1,}", "{\"a\" 1}",
                "\"just a string\"", "42", "true", "null", "[]", "[null]", "{\"a\":NaN}", "{\"a\":1}{\"b\":2}",
                "{\"id\":{\"$ne\":null}}", "\uFEFF{", "{\"a\":\"\\u0000\"}", "{\"a\":\"\\ud800\"}",
                "{\"value\":1e999999}", "{\"value\":123456789012345678901234567890123456789}")) {
            bodies.put(malformed, malformed.getBytes(StandardCharsets.UTF_8));
        }
        bodies.put("invalid UTF-8", new byte[] { '{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', '}' });
        bodies.put("deep arrays", ("[".repeat(100_000) + "]".repeat(100_000)).getBytes(StandardCharsets.UTF_8));
        bodies.put("deep objects", ("{\"a\":".repeat(50_000) + "1" + "}".repeat(50_000)).getBytes(StandardCharsets.UTF_8));
        bodies.put("10 MB", ("[\"" + "x".repeat(10 * 1024 * 1024) + "\"]").getBytes(StandardCharsets.UTF_8));
        return bodies;
    }

    /** Values of the wrong type for a field whose valid value is {@code valid}, and strings no field takes. */
    private static List<Object> wrongValues(Object valid) {
        List<Object> values = new ArrayList<>(List.of("\u0000", "x\ud800y", "\udc00", "\uffff\u0000"));
        if (!(valid instanceof Map<?, ?>) && !(valid instanceof List<?>)) {
            values.addAll(List.of(List.of(), Map.of("nested", Map.of("deeper", List.of(1, 2)))));
        }
        if (valid instanceof String) {
            values.addAll(List.of(new java.math.BigDecimal("1e400"), new java.math.BigInteger("9".repeat(40)), true));
        }
        return values;
    }

    /** How the handler takes a body: {@code @RequestBody}, or the raw request (log ingest); null if it takes none. */
    private static RequestBody bodyOf(HandlerMethod handler) {
        for (MethodParameter parameter : handler.getMethodParameters()) {
            RequestBody body = parameter.getParameterAnnotation(RequestBody.class);
            if (body != null) {
                return body;
            }
            if (HttpServletRequest.class.isAssignableFrom(parameter.getParameterType())) {
                return RAW_BODY;
            }
        }
        return null;
    }

    /** A valid body of the endpoint, whose fields the corpus makes wrong one at a time. */
    private static Map<String, Object> sample(String pattern, String systemId) {
        return switch (pattern) {
            case "/api/systems" -> {
                Map<String, Object> registration = new TreeMap<>(TestSystems.registration(TestSystems.uniqueId("bad-input")));
                registration.put("sectoralRegime", false);
                yield registration;
            }
            case "/api/systems/{id}" -> Map.of("name", "Renamed", "providerContact", "new@provider.example");
            case "/api/systems/{id}/signals" -> Map.of("metric", "accuracy", "category", "performance", "value", 0.95,
                    "observedAt", Instant.now().toString(), "signalId", UUID.randomUUID().toString());
            case "/api/systems/{id}/logs" -> Map.of("type", "custom", "payload", Map.of("i", 1),
                    "clientEventId", UUID.randomUUID().toString());
            case "/api/incidents" -> Map.of("aiSystemId", systemId, "description", "Bad input corpus",
                    "occurredAt", Instant.now().minusSeconds(60).toString(), "reporter", "corpus",
                    "reporterContact", "corpus@example.org", "memberStates", List.of("FR"), "personsAffected", 0,
                    "reportedByDeployer", false);
            case "/api/systems/{id}/holds", "/api/systems/{id}/stop" -> Map.of("reason", "Bad input corpus");
            case "/api/tokens" -> Map.of("name", "corpus");
            case "/api/systems/{id}/integrations/evidently" -> Map.of("version", "0.3.2",
                    "timestamp", "2026-11-25 09:00:00.000000", "metrics", List.of(Map.of("metric", "DatasetDriftMetric",
                            "result", Map.of("share_of_drifted_columns", 0.2))));
            default -> null;
        };
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new TreeMap<>();
        for (String table : TABLES) {
            counts.put(table, jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single());
        }
        return counts;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

}
