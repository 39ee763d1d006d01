package io.aiactops.support;

import java.util.List;
import java.util.Optional;

/** Reads series out of a Prometheus scrape (/actuator/prometheus) as the tests see it. */
public final class Prometheus {

    private Prometheus() {
    }

    /** The value of the series {@code name} whose labels contain all of {@code labels}, if exposed. */
    public static Optional<Double> value(String exposition, String name, String... labels) {
        return exposition.lines()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> List.of(labels).stream().allMatch(line::contains))
                .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst();
    }
}
