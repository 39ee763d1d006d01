package io.aiactops.incidents;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.aiactops.platform.jdbc.JdbcTime;
import io.aiactops.registry.EconomicOperatorsProperties;
import io.aiactops.registry.EconomicOperatorsProperties.Operator;
import io.aiactops.registry.Registry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Art. 20 information duties of a case: the system's deployers and the configured distributors,
 * importers and authorised representatives, each tracked (attempted at, sent at, last failure).
 */
@Service
public class OperatorNotifications {

    /** An operator still to be informed. */
    public record Recipient(long id, String role, String name, String email) {
    }

    private final JdbcClient jdbc;
    private final IncidentCases cases;
    private final Registry registry;
    private final EconomicOperatorsProperties operators;
    private final Clock clock;

    OperatorNotifications(JdbcClient jdbc, IncidentCases cases, Registry registry, EconomicOperatorsProperties operators,
            Clock clock) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.registry = registry;
        this.operators = operators;
        this.clock = clock;
    }

    /**
     * Everyone of the case's operators not yet informed. The list is fixed on the first call (in its own
     * transaction, so a failed send keeps it): a later change of the registry does not change whom this
     * case's duty covers.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public List<Recipient> pending(String caseId) {
        long known = jdbc.sql("SELECT COUNT(*) FROM incident_notification WHERE case_id = ?").param(caseId)
                .query(Long.class).single();
        if (known == 0) {
            for (Recipient recipient : everyone(caseId)) {
                jdbc.sql("INSERT INTO incident_notification (case_id, role, name, email) VALUES (?, ?, ?, ?)")
                        .params(caseId, recipient.role(), recipient.name(), recipient.email()).update();
            }
        }
        return jdbc.sql("SELECT id, role, name, email FROM incident_notification WHERE case_id = ? AND sent_at IS NULL ORDER BY id")
                .param(caseId)
                .query((rs, n) -> new Recipient(rs.getLong("id"), rs.getString("role"), rs.getString("name"), rs.getString("email")))
                .list();
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void sent(Recipient recipient, String messageId) {
        var now = JdbcTime.utc(clock.instant());
        jdbc.sql("UPDATE incident_notification SET attempted_at = ?, sent_at = ?, message_id = ?, failure = NULL WHERE id = ?")
                .params(now, now, messageId, recipient.id()).update();
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void failed(Recipient recipient, String failure) {
        String text = failure == null ? "unknown failure" : failure.length() > 2000 ? failure.substring(0, 2000) : failure;
        jdbc.sql("UPDATE incident_notification SET attempted_at = ?, failure = ? WHERE id = ?")
                .params(JdbcTime.utc(clock.instant()), text, recipient.id()).update();
    }

    private List<Recipient> everyone(String caseId) {
        List<Recipient> all = new ArrayList<>();
        registry.get(cases.get(caseId).aiSystemId()).deployers()
                .forEach(d -> all.add(new Recipient(0, "DEPLOYER", d.name(), d.email())));
        add(all, "DISTRIBUTOR", operators.distributors());
        add(all, "IMPORTER", operators.importers());
        add(all, "AUTHORISED_REPRESENTATIVE", operators.authorisedRepresentatives());
        return all.stream().filter(r -> r.email() != null && !r.email().isBlank()).distinct().toList();
    }

    private static void add(List<Recipient> all, String role, List<Operator> configured) {
        configured.forEach(o -> all.add(new Recipient(0, role, o.name() == null ? o.email() : o.name(), o.email())));
    }
}
