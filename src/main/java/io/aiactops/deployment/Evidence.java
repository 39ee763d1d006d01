package io.aiactops.deployment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One piece of evidence of a candidate: a reference (URL or document id), its SHA-256 where it is a
 * file, who supplied it and when, and what its kind needs (named on the wire as in the request): a CI/CD run's status, a test report's
 * counts, date, signatory and metrics, a documentation version.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Evidence(EvidenceKind kind, String reference, String sha256, String suppliedBy, Instant suppliedAt,
        @JsonProperty("status") String runStatus, @JsonProperty("passed") Integer testsPassed,
        @JsonProperty("failed") Integer testsFailed, Instant reportedAt, String signedBy,
        String documentVersion, Map<String, BigDecimal> metrics) {

    public Evidence {
        metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
    }

    /** The CI/CD status that lets a release go on; anything else rejects it. */
    public static final String CI_SUCCESS = "success";
}
