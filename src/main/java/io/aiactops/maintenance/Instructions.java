package io.aiactops.maintenance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.aiactops.logs.LogEventType;
import io.aiactops.logs.LogRegister;
import io.aiactops.notification.TrackedRecipients;
import io.aiactops.notification.TrackedRecipients.Recipient;
import io.aiactops.platform.jdbc.JdbcTime;
import io.aiactops.platform.web.ConflictException;
import io.aiactops.platform.web.JsonFields;
import io.aiactops.platform.web.NotFoundException;
import io.aiactops.registry.Registry;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Versioned instructions for use (Art. 13(3)): publishing a version with its change log, its
 * deployers' receipt and acknowledgement, and the history. Each step is recorded in the register.
 */
@Service
public class Instructions {

    static final String DEPLOYER = "DEPLOYER";
    private static final String SUBJECT_PREFIX = "IFU:";
    private static final Set<String> FIELDS = Set.of("accuracy", "robustness", "knownRisks", "predeterminedChanges",
            "oversightMeasures", "maintenanceMeasures", "logMechanisms", "changeLog");

    /** The current version and every version, newest first. */
    public record History(InstructionsForUse current, List<InstructionsForUse> versions) {
    }

    private final JdbcClient jdbc;
    private final Registry registry;
    private final LogRegister register;
    private final TrackedRecipients recipients;
    private final Clock clock;

    Instructions(JdbcClient jdbc, Registry registry, LogRegister register, TrackedRecipients recipients, Clock clock) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.register = register;
        this.recipients = recipients;
        this.clock = clock;
    }

    /** Stores the body as the next version; refuses a bad one naming the field, storing nothing. */
    @Transactional
    public InstructionsForUse publish(String systemId, JsonNode body, String actor) {
        registry.get(systemId);
        JsonFields fields = JsonFields.of(body, "", FIELDS);
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : List.of("accuracy", "robustness", "knownRisks", "predeterminedChanges", "oversightMeasures",
                "maintenanceMeasures", "logMechanisms", "changeLog")) {
            values.put(field, fields.text(field, true, 4000));
        }
        int version = jdbc.sql("SELECT COALESCE(MAX(version), 0) + 1 FROM instructions_for_use WHERE system_id = ?")
                .param(systemId).query(Integer.class).single();
        try {
            jdbc.sql("""
                    INSERT INTO instructions_for_use (system_id, version, accuracy, robustness, known_risks,
                        predetermined_changes, oversight_measures, maintenance_measures, log_mechanisms, change_log,
                        published_at, published_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(systemId, version, values.get("accuracy"), values.get("robustness"), values.get("knownRisks"),
                            values.get("predeterminedChanges"), values.get("oversightMeasures"),
                            values.get("maintenanceMeasures"), values.get("logMechanisms"), values.get("changeLog"),
                            JdbcTime.utc(clock.instant()), actor)
                    .update();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("Another version of the instructions of '" + systemId + "' was published at the same time; retry");
        }
        register.record(systemId, LogEventType.INSTRUCTIONS_FOR_USE, actor,
                MaintenanceRecorded.Instructions.published(version, values.get("changeLog")));
        return get(systemId, version);
    }

    @Transactional
    public void attachProcess(String systemId, int version, String processInstanceId) {
        jdbc.sql("UPDATE instructions_for_use SET process_instance_id = ? WHERE system_id = ? AND version = ?")
                .params(processInstanceId, systemId, version).update();
    }

    @Transactional(readOnly = true)
    public InstructionsForUse get(String systemId, int version) {
        return jdbc.sql("SELECT * FROM instructions_for_use WHERE system_id = ? AND version = ?").params(systemId, version)
                .query(this::instructions).optional()
                .orElseThrow(() -> new NotFoundException("Instructions for use", systemId + " version " + version));
    }

    @Transactional(readOnly = true)
    public History history(String systemId) {
        registry.get(systemId);
        List<InstructionsForUse> versions = jdbc.sql("SELECT * FROM instructions_for_use WHERE system_id = ? ORDER BY version DESC")
                .param(systemId).query(this::instructions).list();
        return new History(versions.isEmpty() ? null : versions.get(0), versions);
    }

    /** The deployers a version goes to: those registered when it is first sent. */
    @Transactional(readOnly = true)
    public List<Recipient> deployers(String systemId) {
        return registry.get(systemId).deployers().stream().map(d -> new Recipient(DEPLOYER, d.name(), d.email())).toList();
    }

    static String subject(String systemId, int version) {
        return InstructionsForUse.subject(systemId, version);
    }

    static boolean isInstructions(String subject) {
        return subject.startsWith(SUBJECT_PREFIX);
    }

    /** A deployer's acknowledgement reported through the API, by its address. */
    @Transactional
    public Acknowledged acknowledge(String systemId, int version, String email) {
        InstructionsForUse instructions = get(systemId, version);
        lockVersion(systemId, version); // before the recipient's row: see lockVersion
        TrackedRecipients.Acknowledgement acknowledgement = recipients.acknowledge(subject(systemId, version), DEPLOYER, email)
                .orElseThrow(() -> new NotFoundException("Deployer of version " + version + " of the instructions of " + systemId, email));
        return acknowledged(instructions, acknowledgement);
    }

    /** Whether every deployer has acknowledged the version (the process asks before it waits for them). */
    @Transactional
    public boolean allDeployersAcknowledged(String systemId, long version) {
        int number = Math.toIntExact(version); // the process variable is a long
        lockVersion(systemId, number);
        return recipients.unacknowledged(subject(systemId, number), DEPLOYER).isEmpty();
    }

    /**
     * The version's row, locked until the transaction ends (as a corrective action's case is, for the same
     * reason: see CorrectiveActions.lockCase). The process's question above and an acknowledgement take turns
     * on it, so a last acknowledgement that commits while the job that sent the mails is on its way to the
     * wait is counted by the question, or finds the process waiting. An acknowledgement takes it before its
     * recipient's row; the mails' recipients are written in short transactions of their own (TrackedRecipients).
     */
    private void lockVersion(String systemId, int version) {
        jdbc.sql("SELECT version FROM instructions_for_use WHERE system_id = ? AND version = ? FOR UPDATE")
                .params(systemId, version).query(Integer.class).optional();
    }

    /** A deployer's acknowledgement through the link in the mail (its recipient found by the link's token). */
    @Transactional
    public Acknowledged acknowledge(TrackedRecipients.Tracked deployer) {
        String[] parts = deployer.subject().split(":");
        InstructionsForUse instructions = get(parts[1], Integer.parseInt(parts[2]));
        lockVersion(instructions.aiSystemId(), instructions.version()); // before the recipient's row: see lockVersion
        return acknowledged(instructions, recipients.acknowledge(deployer));
    }

    private Acknowledged acknowledged(InstructionsForUse instructions,
            TrackedRecipients.Acknowledgement acknowledgement) {
        String email = acknowledgement.recipient().email();
        if (acknowledgement.first()) {
            register.record(instructions.aiSystemId(), LogEventType.INSTRUCTIONS_FOR_USE, email,
                    MaintenanceRecorded.Instructions.acknowledged(instructions.version(), email));
        }
        String subject = subject(instructions.aiSystemId(), instructions.version());
        String process = jdbc.sql("SELECT process_instance_id FROM instructions_for_use WHERE system_id = ? AND version = ?")
                .params(instructions.aiSystemId(), instructions.version()).query(String.class).optional().orElse(null);
        return new Acknowledged(subject, instructions.aiSystemId(), email,
                recipients.unacknowledged(subject, DEPLOYER).isEmpty(), process);
    }

    private InstructionsForUse instructions(ResultSet rs, int n) throws SQLException {
        String systemId = rs.getString("system_id");
        int version = rs.getInt("version");
        return new InstructionsForUse(systemId, version, rs.getString("accuracy"), rs.getString("robustness"),
                rs.getString("known_risks"), rs.getString("predetermined_changes"), rs.getString("oversight_measures"),
                rs.getString("maintenance_measures"), rs.getString("log_mechanisms"), rs.getString("change_log"),
                JdbcTime.instant(rs, "published_at"), rs.getString("published_by"),
                recipients.list(subject(systemId, version)).stream().map(InstructionsForUse.Deployer::of).toList());
    }
}
