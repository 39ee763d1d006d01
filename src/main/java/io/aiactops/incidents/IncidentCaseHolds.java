package io.aiactops.incidents;

import java.util.Optional;

import io.aiactops.logs.EvidenceHold;
import io.aiactops.logs.HoldOwner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The hold of an open serious-incident case is the case's (Art. 73(6)): "Review risk assessment" releases it
 * once the authorities are informed of a planned change, and closing the case does; not a release by hand.
 */
@Component
class IncidentCaseHolds implements HoldOwner {

    private final JdbcClient jdbc;

    IncidentCaseHolds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> releasedOnlyBy(EvidenceHold hold) {
        return jdbc.sql("SELECT id FROM incident_case WHERE hold_id = ? AND status = 'OPEN'").param(hold.id())
                .query(String.class).optional()
                .map(caseId -> "evidence hold " + hold.id() + " belongs to serious incident " + caseId + ", which"
                        + " releases it itself (Art. 73(6)): in its \"Review risk assessment\" once the authorities are"
                        + " informed of a planned change, or when the case closes");
    }
}
