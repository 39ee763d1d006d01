package io.aiactops.monitoring.builtin;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What one inference adds to a monitor's bucket (docs/monitors.md, "Aggregates"): counts under a
 * key, and for the confidence a sum. A field that is absent, null or of the wrong type counts as
 * missing; nothing in a payload makes a run fail.
 */
final class Observer {

    static final String EVENTS = "events";
    static final String MISSING = "missing";
    static final String VALUE = "value";
    static final String LOW = "low";
    private static final String BIN = "bin:";
    static final String CATEGORY = "cat:";
    static final String GROUP = "group:";
    static final String OUTCOME = "outcome:";
    static final String COMPARED = "compared";
    static final String OVERRIDE = "override";
    /** Longer category and group values are cut to this length (the bucket key's column). */
    static final int MAX_VALUE_LENGTH = 200;
    /** The histogram bins' keys, made once (a psi monitor counts one per event): up to 50 bins, as the parser allows. */
    private static final String[] BIN_KEYS = IntStream.rangeClosed(0, 50).mapToObj(i -> BIN + i).toArray(String[]::new);

    private Observer() {
    }

    /** Where the counts of one event go. */
    interface Tally {
        void add(String key, long count, double sum);
    }

    /** The fields of one inference's payload, by JSON pointer: a missing node where it has none. */
    interface Fields {
        JsonNode at(String pointer);
    }

    /** The pointers {@link #observe} reads for a monitor of this kind: all the register need send of a payload. */
    static List<String> pointers(Monitor monitor) {
        List<String> pointers = new ArrayList<>(switch (monitor.kind()) {
            case PSI, CATEGORY_SHIFT, CONFIDENCE, MISSING_RATE -> List.of(monitor.field());
            case GROUP_PARITY -> List.of(monitor.groupField(), monitor.outcomeField());
            case OVERRIDE_RATE -> List.of(monitor.modelField(), monitor.humanField());
            case VOLUME -> List.<String>of();
        });
        pointers.removeIf(Objects::isNull);
        return pointers;
    }

    static void observe(Monitor monitor, FrozenReference reference, Fields payload, Tally tally) {
        tally.add(EVENTS, 1, 0);
        switch (monitor.kind()) {
            case PSI -> {
                JsonNode value = payload.at(monitor.field());
                if (value.isNumber()) {
                    tally.add(binKey(Formulas.bin(reference.edges(), value.doubleValue())), 1, 0);
                } else {
                    tally.add(MISSING, 1, 0);
                }
            }
            case CATEGORY_SHIFT -> {
                String category = text(payload.at(monitor.field()));
                tally.add(category != null ? CATEGORY + category : MISSING, 1, 0);
            }
            case CONFIDENCE -> {
                JsonNode value = payload.at(monitor.field());
                if (value.isNumber()) {
                    tally.add(VALUE, 1, value.doubleValue());
                    if (value.doubleValue() < monitor.cutOff()) {
                        tally.add(LOW, 1, 0);
                    }
                } else {
                    tally.add(MISSING, 1, 0);
                }
            }
            case GROUP_PARITY -> {
                String group = text(payload.at(monitor.groupField()));
                String outcome = text(payload.at(monitor.outcomeField()));
                if (group == null || outcome == null) {
                    tally.add(MISSING, 1, 0);
                } else {
                    tally.add(GROUP + group, 1, 0);
                    if (outcome.equals(monitor.outcomeValue())) {
                        tally.add(OUTCOME + group, 1, 0);
                    }
                }
            }
            case OVERRIDE_RATE -> {
                String model = text(payload.at(monitor.modelField()));
                String human = text(payload.at(monitor.humanField()));
                if (model == null || human == null) {
                    tally.add(MISSING, 1, 0);
                } else {
                    tally.add(COMPARED, 1, 0);
                    if (!model.equals(human)) {
                        tally.add(OVERRIDE, 1, 0);
                    }
                }
            }
            case MISSING_RATE -> {
                JsonNode value = payload.at(monitor.field());
                if (value.isMissingNode() || value.isNull()) {
                    tally.add(MISSING, 1, 0);
                }
            }
            case VOLUME -> {
                // The events count is all a volume monitor needs.
            }
        }
    }

    static String binKey(int bin) {
        return bin < BIN_KEYS.length ? BIN_KEYS[bin] : BIN + bin;
    }

    /** A scalar as its JSON text (so 1 and "1" are the same category), or null for absent, null, objects and arrays. */
    static String text(JsonNode node) {
        if (!node.isValueNode() || node.isNull()) {
            return null;
        }
        String text = node.asText();
        return text.length() > MAX_VALUE_LENGTH ? text.substring(0, MAX_VALUE_LENGTH) : text;
    }
}
