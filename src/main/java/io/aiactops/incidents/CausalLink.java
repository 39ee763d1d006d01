package io.aiactops.incidents;

import io.aiactops.platform.WireName;

/**
 * What the provider knows of the link between the AI system and the harm: Art. 73(2) runs from an
 * established link or its reasonable likelihood, 73(4) (death) already from a suspected one.
 */
public enum CausalLink implements WireName {
    ESTABLISHED, SUSPECTED, NONE;

    /** The link with this wire name, or {@code null}. */
    public static CausalLink fromWireName(String wireName) {
        return WireName.find(CausalLink.class, wireName).orElse(null);
    }
}
