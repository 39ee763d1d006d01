package io.aiactops.monitoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.aiactops.platform.web.InvalidFieldException;
import io.aiactops.platform.web.JsonFields;
import org.springframework.stereotype.Component;

/** Reads one signal or an array of signals, naming the first bad field, e.g. {@code [2].value}. */
@Component
public class SignalParser {

    public static final String METRIC_PATTERN = "[a-z][a-z0-9_]{0,63}";
    private static final Set<String> FIELDS = Set.of("metric", "category", "value", "observedAt", "window",
            "modelVersion", "labels", "source", "signalId");

    private final MonitoringProperties properties;

    SignalParser(MonitoringProperties properties) {
        this.properties = properties;
    }

    List<NewSignal> parse(JsonNode body) {
        if (body == null || body.isMissingNode() || body.isNull()) {
            throw new InvalidFieldException("$", "a signal object or an array of signals is required");
        }
        if (body.isObject()) {
            return List.of(signal(body, ""));
        }
        if (!body.isArray()) {
            throw new InvalidFieldException("$", "must be a signal object or an array of signals");
        }
        if (body.isEmpty()) {
            throw new InvalidFieldException("$", "the array holds no signal");
        }
        if (body.size() > properties.maxSignalsPerRequest()) {
            throw new InvalidFieldException("$", "at most " + properties.maxSignalsPerRequest() + " signals per request");
        }
        List<NewSignal> signals = new ArrayList<>(body.size());
        for (int i = 0; i < body.size(); i++) {
            signals.add(signal(body.get(i), "[" + i + "]"));
        }
        return signals;
    }

    private static NewSignal signal(JsonNode node, String path) {
        JsonFields fields = JsonFields.of(node, path, FIELDS);
        String metric = fields.text("metric", true, METRIC_PATTERN,
                "must be a metric name: lower-case letters, digits and underscores, e.g. psi_drift");
        String categoryName = fields.text("category", true, 40);
        SignalCategory category = SignalCategory.fromWireName(categoryName);
        if (category == null) {
            throw new InvalidFieldException(fields.path("category"), "must be one of " + SignalCategory.wireNames());
        }
        String source = fields.text("source", false, 200);
        if (NewSignal.BUILTIN_SOURCE.equalsIgnoreCase(source)) {
            throw new InvalidFieldException(fields.path("source"), "'" + source
                    + "' is the source of aiact-ops's built-in monitors; name your own, e.g. nightly-eval");
        }
        String signalId = fields.text("signalId", false, 190);
        if (signalId != null && signalId.toLowerCase(Locale.ROOT).startsWith(NewSignal.BUILTIN_SOURCE + ":")) {
            throw new InvalidFieldException(fields.path("signalId"), "ids starting with '" + NewSignal.BUILTIN_SOURCE
                    + ":' are the built-in monitors' own; choose another");
        }
        return new NewSignal(metric, category, fields.number("value", true), fields.instant("observedAt", true),
                fields.duration("window", false), fields.text("modelVersion", false, 64), fields.strings("labels", 50, 200),
                source, signalId);
    }
}
