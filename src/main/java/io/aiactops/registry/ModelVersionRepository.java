package io.aiactops.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.aiactops.platform.jdbc.JdbcTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ModelVersionRepository {

    private static final String SELECT = """
            SELECT v.*, p.version AS previous_version FROM model_version v
            LEFT JOIN model_version p ON p.id = v.previous_version_id""";

    private final JdbcClient jdbc;

    ModelVersionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ModelVersion> findBySystem(String systemId) {
        return jdbc.sql(SELECT + " WHERE v.system_id = ? ORDER BY v.created_at, v.id")
                .param(systemId)
                .query(ModelVersionRepository::version)
                .list();
    }

    Optional<ModelVersion> find(String systemId, String version) {
        return jdbc.sql(SELECT + " WHERE v.system_id = ? AND v.version = ?").params(systemId, version)
                .query(ModelVersionRepository::version).optional();
    }

    Optional<ModelVersion> findActive(String systemId) {
        return jdbc.sql(SELECT + " WHERE v.system_id = ? AND v.status = 'ACTIVE'").param(systemId)
                .query(ModelVersionRepository::version).optional();
    }

    /** Locks all versions of the system until the transaction ends: status changes of one system are serial. */
    void lockAll(String systemId) {
        jdbc.sql("SELECT id FROM model_version WHERE system_id = ? FOR UPDATE").param(systemId).query(Long.class).list();
    }

    void insert(ModelVersion v, Long previousVersionId) {
        jdbc.sql("""
                INSERT INTO model_version (system_id, version, artifact_uri, sha256, status, previous_version_id,
                    created_at, created_by, status_changed_at, status_changed_by, status_reason)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(v.systemId(), v.version(), v.artifactUri(), v.sha256(), v.status().name(), previousVersionId,
                        JdbcTime.utc(v.createdAt()), v.createdBy(), JdbcTime.utc(v.statusChangedAt()),
                        v.statusChangedBy(), v.statusReason())
                .update();
    }

    void retire(long id, Instant at, String by, String reason) {
        jdbc.sql("""
                UPDATE model_version SET status = 'RETIRED', status_changed_at = ?, status_changed_by = ?,
                    status_reason = ? WHERE id = ?""")
                .params(JdbcTime.utc(at), by, reason, id).update();
    }

    void reject(long id, Instant at, String by, String reason) {
        jdbc.sql("""
                UPDATE model_version SET status = 'REJECTED', status_changed_at = ?, status_changed_by = ?,
                    status_reason = ? WHERE id = ?""")
                .params(JdbcTime.utc(at), by, reason, id).update();
    }

    void activate(long id, Long previousVersionId, Instant at, String by, String reason) {
        jdbc.sql("""
                UPDATE model_version SET status = 'ACTIVE', previous_version_id = ?, status_changed_at = ?,
                    status_changed_by = ?, status_reason = ? WHERE id = ?""")
                .params(previousVersionId, JdbcTime.utc(at), by, reason, id).update();
    }

    private static ModelVersion version(ResultSet rs, int n) throws SQLException {
        return new ModelVersion(rs.getLong("id"), rs.getString("system_id"), rs.getString("version"),
                rs.getString("artifact_uri"), rs.getString("sha256"),
                ModelVersionStatus.valueOf(rs.getString("status")), rs.getString("previous_version"),
                JdbcTime.instant(rs, "created_at"), rs.getString("created_by"),
                JdbcTime.instant(rs, "status_changed_at"), rs.getString("status_changed_by"),
                rs.getString("status_reason"));
    }
}
