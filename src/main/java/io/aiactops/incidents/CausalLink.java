package io.aiactops.incidents;

import java.util.Locale;

/**
 * What the provider knows of the link between the AI system and the harm: Art. 73(2) runs from an
 * established link or its reasonable likelihood, 73(4) (death) already from a suspected one.
 */
public enum CausalLink {
    ESTABLISHED, SUSPECTED, NONE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The link with this wire name, or {@code null}. */
    public static CausalLink fromWireName(String wireName) {
        for (CausalLink link : values()) {
            if (link.wireName().equals(wireName)) {
                return link;
            }
        }
        return null;
    }
}
