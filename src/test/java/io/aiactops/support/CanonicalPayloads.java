package io.aiactops.support;

import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A register payload as the chain hashes it: written by the app's {@link ObjectMapper}, then with the
 * keys of every object in code-point order and no white space, as the register's canonical form. For the
 * golden tests of payload records, whose strings were taken from the register's own canonical writer
 * before the records replaced the maps; plain ASCII text and short numbers only, where both forms agree.
 */
public final class CanonicalPayloads {

    private CanonicalPayloads() {
    }

    public static String of(ObjectMapper objectMapper, Object payload) {
        try {
            return objectMapper.copy().writeValueAsString(sorted(objectMapper.valueToTree(payload)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            Map<String, JsonNode> fields = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                fields.put(field.getKey(), sorted(field.getValue()));
            }
            ObjectNode out = ((ObjectNode) node).objectNode();
            fields.forEach(out::set);
            return out;
        }
        if (node.isArray()) {
            var out = ((com.fasterxml.jackson.databind.node.ArrayNode) node).arrayNode();
            node.forEach(element -> out.add(sorted(element)));
            return out;
        }
        return node;
    }
}
