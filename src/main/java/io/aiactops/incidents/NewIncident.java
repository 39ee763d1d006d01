package io.aiactops.incidents;

import java.time.Instant;
import java.util.List;

/**
 * What is known when a serious incident is reported. {@code awareAt} is when the provider (or the
 * deployer reporting it) became aware; the Art. 73 clock runs from it, so it defaults to the moment of
 * intake. {@code reportedByDeployer}: the Art. 26(5) path, where a deployer informs the provider first.
 */
public record NewIncident(String aiSystemId, String description, Instant occurredAt, Instant awareAt, String reporter,
        String reporterContact, List<String> memberStates, Long personsAffected, String deployerReference,
        IncidentOrigin origin, boolean reportedByDeployer) {

    public NewIncident {
        memberStates = memberStates == null ? List.of() : List.copyOf(memberStates);
    }
}
