package io.aiactops.registry;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A deployer (Art. 3(4)) using the AI system, informed of corrective actions and new instructions. */
public record Deployer(@NotBlank @Size(max = 200) String name, @NotBlank @Email @Size(max = 320) String email) {
}
