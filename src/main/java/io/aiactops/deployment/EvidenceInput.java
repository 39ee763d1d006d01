package io.aiactops.deployment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.aiactops.platform.web.InvalidFieldException;
import io.aiactops.platform.web.JsonFields;

/** Evidence as the API and the completion form supply it, refused field by field before anything is stored. */
final class EvidenceInput {

    static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Set<String> FIELDS = Set.of("kind", "reference", "sha256", "suppliedBy", "suppliedAt", "status",
            "passed", "failed", "reportedAt", "signedBy", "documentVersion", "metrics");
    private static final int MAX_ITEMS = 50;
    private static final int MAX_METRICS = 50;

    private EvidenceInput() {
    }

    /** The {@code evidence} array of a request; {@code suppliedBy} and {@code suppliedAt} default to the caller and now. */
    static List<Evidence> fromJson(JsonNode array, String path, String caller, Instant now) {
        if (array == null || array.isNull()) {
            return List.of();
        }
        if (!array.isArray()) {
            throw new InvalidFieldException(path, "must be an array of evidence objects");
        }
        if (array.size() > MAX_ITEMS) {
            throw new InvalidFieldException(path, "at most " + MAX_ITEMS + " items");
        }
        List<Evidence> items = new ArrayList<>();
        Set<EvidenceKind> seen = EnumSet.noneOf(EvidenceKind.class);
        for (int i = 0; i < array.size(); i++) {
            String at = path + "[" + i + "]";
            JsonFields fields = JsonFields.of(array.get(i), at, FIELDS);
            String kindName = fields.text("kind", true, 64);
            EvidenceKind kind = EvidenceKind.fromWireName(kindName);
            if (kind == null) {
                throw new InvalidFieldException(fields.path("kind"), "unknown kind; expected one of " + EvidenceKind.wireNames());
            }
            if (!seen.add(kind)) {
                throw new InvalidFieldException(fields.path("kind"), "'" + kindName + "' is given twice");
            }
            String suppliedBy = fields.text("suppliedBy", false, 128);
            Instant suppliedAt = fields.instant("suppliedAt", false);
            if (suppliedAt != null && suppliedAt.isAfter(now.plusSeconds(300))) {
                throw new InvalidFieldException(fields.path("suppliedAt"), "is in the future");
            }
            items.add(new Evidence(kind, fields.text("reference", true, 2000),
                    sha256(fields.text("sha256", false, 64), fields.path("sha256")),
                    suppliedBy == null ? caller : suppliedBy, suppliedAt == null ? now : suppliedAt,
                    fields.text("status", false, 32), count(fields, "passed"), count(fields, "failed"),
                    fields.instant("reportedAt", false), fields.text("signedBy", false, 200),
                    fields.text("documentVersion", false, 64), metrics(array.get(i).get("metrics"), fields.path("metrics"))));
        }
        return items;
    }

    static String sha256(String value, String field) {
        if (value != null && !SHA256.matcher(value).matches()) {
            throw new InvalidFieldException(field, "must be 64 lowercase hexadecimal characters");
        }
        return value;
    }

    /** Metrics as form text: {@code accuracy=0.91, auc=0.88}. */
    static Map<String, BigDecimal> metrics(String text, String field) {
        Map<String, BigDecimal> metrics = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return metrics;
        }
        for (String pair : text.split("[,;\\n]")) {
            if (pair.isBlank()) {
                continue;
            }
            String[] parts = pair.split("=", 2);
            if (parts.length != 2 || parts[0].isBlank()) {
                throw new InvalidFieldException(field, "write metrics as name=value pairs, e.g. accuracy=0.91, auc=0.88");
            }
            try {
                metrics.put(parts[0].strip(), new BigDecimal(parts[1].strip()));
            } catch (NumberFormatException e) {
                throw new InvalidFieldException(field, "'" + parts[1].strip() + "' is not a number");
            }
        }
        return metrics;
    }

    static Instant instant(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(field, "must be an ISO-8601 date-time with offset, e.g. 2026-11-25T09:30:00Z");
        }
    }

    private static Map<String, BigDecimal> metrics(JsonNode node, String field) {
        Map<String, BigDecimal> metrics = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return metrics;
        }
        if (!node.isObject()) {
            throw new InvalidFieldException(field, "must be an object of metric name to number, e.g. {\"accuracy\": 0.91}");
        }
        if (node.size() > MAX_METRICS) {
            throw new InvalidFieldException(field, "at most " + MAX_METRICS + " metrics");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> metric = it.next();
            if (!metric.getValue().isNumber() || metric.getKey().length() > 64) {
                throw new InvalidFieldException(field + "." + metric.getKey(), "must be a number (names at most 64 characters)");
            }
            metrics.put(metric.getKey(), metric.getValue().decimalValue());
        }
        return metrics;
    }

    private static Integer count(JsonFields fields, String name) {
        BigDecimal value = fields.number(name, false);
        if (value == null) {
            return null;
        }
        if (value.signum() < 0 || value.stripTrailingZeros().scale() > 0 || value.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            throw new InvalidFieldException(fields.path(name), "must be a whole number from 0");
        }
        return value.intValue();
    }
}
