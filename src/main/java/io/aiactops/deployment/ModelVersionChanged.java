package io.aiactops.deployment;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the register keeps of an activation (event type {@code model_version_changed}). Hashed into the
 * chain for ever: a field is never renamed and an absent value is left out, as it always was
 * ({@code ModelVersionChangedTest} pins it).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ModelVersionChanged(String previousVersion, String version, String approver, String reason) {
}
