package io.aiactops.incidents;

import java.util.ArrayList;
import java.util.List;

import io.aiactops.notification.TrackedRecipients.Recipient;
import io.aiactops.registry.EconomicOperatorsProperties;
import io.aiactops.registry.Registry;
import org.springframework.stereotype.Component;

/**
 * Whom Art. 20 says to inform of a reported serious incident: the system's deployers and the
 * configured distributors, importers and authorised representatives.
 */
@Component
public class OperatorNotifications {

    private final IncidentCases cases;
    private final Registry registry;
    private final EconomicOperatorsProperties operators;

    OperatorNotifications(IncidentCases cases, Registry registry, EconomicOperatorsProperties operators) {
        this.cases = cases;
        this.registry = registry;
        this.operators = operators;
    }

    public List<Recipient> everyone(String caseId) {
        List<Recipient> all = new ArrayList<>();
        registry.get(cases.get(caseId).aiSystemId()).deployers().forEach(d -> all.add(new Recipient("DEPLOYER", d.name(), d.email())));
        all.addAll(operators.recipients());
        return all;
    }
}
