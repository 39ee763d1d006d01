package io.aiactops.registry;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What a process owner registers and edits about an AI system. The JSON field names are a public
 * contract. {@code knownLimitations} (shown to overseers on every review, Art. 13(3)(b)),
 * {@code euDatabaseId}, {@code sectoralRegime}, {@code logRetentionDays} and {@code status} may be omitted on
 * registration.
 */
@Schema(example = """
        {"id": "loan-scoring", "name": "Loan scoring",
         "intendedPurpose": "Scores consumer loan applications for a human loan officer.",
         "providerName": "Provider SA", "providerContact": "compliance@provider.example", "annexIIICategory": "5(b)",
         "memberStates": ["FR", "DE"], "deployers": [{"name": "Bank A", "email": "ops@bank-a.example"}],
         "logRetentionDays": 365}""")
public record AiSystemDetails(
        @NotBlank @Pattern(regexp = "[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?",
                message = "must be a slug: lower-case letters, digits and inner hyphens, at most 64 characters") String id,
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 4000) String intendedPurpose,
        @Size(max = 4000) String knownLimitations,
        @NotBlank @Size(max = 200) String providerName,
        @NotBlank @Size(max = 320) String providerContact,
        @NotBlank @Pattern(regexp = "[1-8](?:\\([a-h]\\))?",
                message = "must name a point of Annex III, e.g. 5(b)") String annexIIICategory,
        @Size(max = 100) String euDatabaseId,
        @NotEmpty List<@NotNull @Pattern(regexp = MemberStates.ISO_CODES, message = MemberStates.MESSAGE) String> memberStates,
        @NotNull List<@NotNull @Valid Deployer> deployers,
        Boolean sectoralRegime,
        @Min(value = AiSystemDetails.MINIMUM_LOG_RETENTION_DAYS,
                message = "must be at least 183 days (six months, Arts. 19(1) and 26(6))") Integer logRetentionDays,
        SystemStatus status) {

    /** Six months, the minimum the Act sets for keeping automatic logs (Arts. 19(1), 26(6)). */
    public static final int MINIMUM_LOG_RETENTION_DAYS = 183;
}
