package io.aiactops.oversight;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the register keeps of the serving layer's confirmation of its safe state (event type
 * {@code safe_state_confirmed}). Hashed into the chain for ever: a field is never renamed and an absent
 * value is left out, as it always was ({@code SafeStateConfirmedTest} pins it).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record SafeStateConfirmed(String confirmedAt, String detail) {
}
