package io.aiactops.incidents;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.aiactops.regimes.RegimeChoice;

/**
 * An incident manager's classification of a case: whether it is a serious incident (Art. 3(49)), its
 * harms, whether it is a widespread infringement, the causal link, where it occurred and which other
 * regimes it was already reported under. {@code rationale} is required when it is not reportable.
 * {@code regimes} are the regimes beside Art. 73 whose clocks the case runs, whether or not it is serious
 * under the AI Act.
 */
public record Classification(boolean serious, Set<Harm> harms, boolean widespread, CausalLink causalLink,
        Instant causalLinkAt, List<String> memberStates, Set<String> otherRegimes, String rationale,
        List<RegimeChoice> regimes) {

    /** The regimes of the draft template's "already reported under" question. */
    public static final List<String> OTHER_REGIMES = List.of("GDPR", "NIS2", "DORA", "MDR");

    public Classification {
        harms = Set.copyOf(harms);
        memberStates = List.copyOf(memberStates);
        otherRegimes = Set.copyOf(otherRegimes);
        regimes = List.copyOf(regimes);
    }
}
