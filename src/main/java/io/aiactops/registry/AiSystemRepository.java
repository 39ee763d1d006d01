package io.aiactops.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.aiactops.platform.jdbc.JdbcTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AiSystemRepository {

    private static final String SELECT = """
            SELECT id, name, intended_purpose, known_limitations, provider_name, provider_contact, annex_iii_category, eu_database_id,
                   sectoral_regime, log_retention_days, status, status_reason, status_changed_at, status_changed_by,
                   created_at, created_by, updated_at, updated_by
            FROM ai_system""";

    private final JdbcClient jdbc;

    AiSystemRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean exists(String id) {
        return jdbc.sql("SELECT COUNT(*) FROM ai_system WHERE id = ?").param(id).query(Integer.class).single() > 0;
    }

    Optional<SystemStatus> findStatus(String id) {
        return jdbc.sql("SELECT status FROM ai_system WHERE id = ?").param(id)
                .query((rs, n) -> SystemStatus.valueOf(rs.getString(1))).optional();
    }

    long count(SystemStatus status) {
        return jdbc.sql("SELECT COUNT(*) FROM ai_system WHERE status = ?").param(status.name()).query(Long.class).single();
    }

    Optional<AiSystem> find(String id) {
        return load(SELECT + " WHERE id = ?", id).stream().findFirst();
    }

    /** Reads a system and locks its row until the transaction ends, serialising changes to it. */
    Optional<AiSystem> findForUpdate(String id) {
        return load(SELECT + " WHERE id = ? FOR UPDATE", id).stream().findFirst();
    }

    List<AiSystem> findAll() {
        return load(SELECT + " ORDER BY id");
    }

    void insert(AiSystem s) {
        jdbc.sql("""
                INSERT INTO ai_system (id, name, intended_purpose, known_limitations, provider_name, provider_contact, annex_iii_category,
                    eu_database_id, sectoral_regime, log_retention_days, status, status_reason, status_changed_at,
                    status_changed_by, created_at, created_by, updated_at, updated_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(s.id(), s.name(), s.intendedPurpose(), s.knownLimitations(), s.providerName(), s.providerContact(), s.annexIIICategory(),
                        s.euDatabaseId(), s.sectoralRegime(), s.logRetentionDays(), s.status().name(), s.statusReason(),
                        JdbcTime.utc(s.statusChangedAt()), s.statusChangedBy(), JdbcTime.utc(s.createdAt()), s.createdBy(),
                        JdbcTime.utc(s.updatedAt()), s.updatedBy())
                .update();
        insertChildren(s);
    }

    void update(AiSystem s) {
        jdbc.sql("""
                UPDATE ai_system SET name = ?, intended_purpose = ?, known_limitations = ?, provider_name = ?, provider_contact = ?,
                    annex_iii_category = ?, eu_database_id = ?, sectoral_regime = ?, log_retention_days = ?,
                    status = ?, status_reason = ?, status_changed_at = ?, status_changed_by = ?,
                    updated_at = ?, updated_by = ?
                WHERE id = ?""")
                .params(s.name(), s.intendedPurpose(), s.knownLimitations(), s.providerName(), s.providerContact(), s.annexIIICategory(),
                        s.euDatabaseId(), s.sectoralRegime(), s.logRetentionDays(), s.status().name(), s.statusReason(),
                        JdbcTime.utc(s.statusChangedAt()), s.statusChangedBy(), JdbcTime.utc(s.updatedAt()), s.updatedBy(),
                        s.id())
                .update();
        jdbc.sql("DELETE FROM ai_system_member_state WHERE system_id = ?").param(s.id()).update();
        jdbc.sql("DELETE FROM ai_system_deployer WHERE system_id = ?").param(s.id()).update();
        insertChildren(s);
    }

    void updateStatus(AiSystem s) {
        jdbc.sql("""
                UPDATE ai_system SET status = ?, status_reason = ?, status_changed_at = ?, status_changed_by = ?,
                    updated_at = ?, updated_by = ?
                WHERE id = ?""")
                .params(s.status().name(), s.statusReason(), JdbcTime.utc(s.statusChangedAt()), s.statusChangedBy(),
                        JdbcTime.utc(s.updatedAt()), s.updatedBy(), s.id())
                .update();
    }

    private void insertChildren(AiSystem s) {
        for (String country : s.memberStates()) {
            jdbc.sql("INSERT INTO ai_system_member_state (system_id, country_code) VALUES (?, ?)")
                    .params(s.id(), country).update();
        }
        for (int i = 0; i < s.deployers().size(); i++) {
            Deployer d = s.deployers().get(i);
            jdbc.sql("INSERT INTO ai_system_deployer (system_id, position, name, email) VALUES (?, ?, ?, ?)")
                    .params(s.id(), i, d.name(), d.email()).update();
        }
    }

    private List<AiSystem> load(String sql, Object... params) {
        Map<String, AiSystem> systems = new LinkedHashMap<>();
        jdbc.sql(sql).params(params).query((rs, i) -> row(rs)).list().forEach(s -> systems.put(s.id(), s));
        if (systems.isEmpty()) {
            return List.of();
        }
        Map<String, List<String>> states = new LinkedHashMap<>();
        Map<String, List<Deployer>> deployers = new LinkedHashMap<>();
        String ids = String.join(",", systems.keySet().stream().map(k -> "?").toList());
        Object[] keys = systems.keySet().toArray();
        jdbc.sql("SELECT system_id, country_code FROM ai_system_member_state WHERE system_id IN (" + ids + ") ORDER BY country_code")
                .params(keys)
                .query(rs -> {
                    states.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        jdbc.sql("SELECT system_id, name, email FROM ai_system_deployer WHERE system_id IN (" + ids + ") ORDER BY position")
                .params(keys)
                .query(rs -> {
                    deployers.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Deployer(rs.getString(2), rs.getString(3)));
                });
        return systems.values().stream().map(s -> withChildren(s, states.getOrDefault(s.id(), List.of()),
                deployers.getOrDefault(s.id(), List.of()))).toList();
    }

    private static AiSystem withChildren(AiSystem s, List<String> states, List<Deployer> deployers) {
        return new AiSystem(s.id(), s.name(), s.intendedPurpose(), s.knownLimitations(), s.providerName(), s.providerContact(),
                s.annexIIICategory(), s.euDatabaseId(), List.copyOf(states), List.copyOf(deployers), s.sectoralRegime(),
                s.logRetentionDays(), s.status(), s.statusReason(), s.statusChangedAt(), s.statusChangedBy(),
                s.createdAt(), s.createdBy(), s.updatedAt(), s.updatedBy());
    }

    private static AiSystem row(ResultSet rs) throws SQLException {
        return new AiSystem(rs.getString("id"), rs.getString("name"), rs.getString("intended_purpose"), rs.getString("known_limitations"),
                rs.getString("provider_name"), rs.getString("provider_contact"), rs.getString("annex_iii_category"),
                rs.getString("eu_database_id"), List.of(), List.of(), rs.getBoolean("sectoral_regime"),
                rs.getInt("log_retention_days"), SystemStatus.valueOf(rs.getString("status")),
                rs.getString("status_reason"), JdbcTime.instant(rs, "status_changed_at"), rs.getString("status_changed_by"),
                JdbcTime.instant(rs, "created_at"), rs.getString("created_by"), JdbcTime.instant(rs, "updated_at"),
                rs.getString("updated_by"));
    }
}
