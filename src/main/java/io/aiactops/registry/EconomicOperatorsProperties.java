package io.aiactops.registry;

import java.util.ArrayList;
import java.util.List;

import io.aiactops.notification.TrackedRecipients;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The economic operators other than deployers that Art. 20 says to inform of a non-conformity or a
 * serious incident ({@code aiact.operators.*}); deployers are registered per system.
 */
@ConfigurationProperties("aiact.operators")
public record EconomicOperatorsProperties(List<Operator> distributors, List<Operator> importers,
        List<Operator> authorisedRepresentatives) {

    public record Operator(String name, String email) {
    }

    public EconomicOperatorsProperties {
        distributors = distributors == null ? List.of() : List.copyOf(distributors);
        importers = importers == null ? List.of() : List.copyOf(importers);
        authorisedRepresentatives = authorisedRepresentatives == null ? List.of() : List.copyOf(authorisedRepresentatives);
    }

    /** Everyone configured, with their role, in the order distributors, importers, authorised representatives. */
    public List<TrackedRecipients.Recipient> recipients() {
        List<TrackedRecipients.Recipient> all = new ArrayList<>();
        distributors.forEach(o -> all.add(new TrackedRecipients.Recipient("DISTRIBUTOR", o.name(), o.email())));
        importers.forEach(o -> all.add(new TrackedRecipients.Recipient("IMPORTER", o.name(), o.email())));
        authorisedRepresentatives.forEach(o -> all.add(new TrackedRecipients.Recipient("AUTHORISED_REPRESENTATIVE", o.name(), o.email())));
        return all;
    }
}
