package io.aiactops.incidents;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * How a serious incident is classified: every harm it led to, and whether it is a widespread
 * infringement (Art. 3(61): harm to the collective interests of individuals across Member States).
 */
public record IncidentClassification(Set<Harm> harms, boolean widespread) {

    public IncidentClassification {
        if (harms == null || harms.isEmpty()) {
            // Without one of the harms of Art. 3(49) it is no serious incident, and Art. 73 sets no deadline.
            throw new IllegalArgumentException("a serious incident leads to at least one harm of Art. 3(49)");
        }
        harms = Collections.unmodifiableSet(EnumSet.copyOf(harms));
    }
}
