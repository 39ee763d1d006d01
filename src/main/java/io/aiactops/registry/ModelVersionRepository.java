package io.aiactops.registry;

import java.util.List;

import io.aiactops.platform.jdbc.JdbcTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ModelVersionRepository {

    private final JdbcClient jdbc;

    ModelVersionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ModelVersion> findBySystem(String systemId) {
        return jdbc.sql("""
                SELECT v.*, p.version AS previous_version FROM model_version v
                LEFT JOIN model_version p ON p.id = v.previous_version_id
                WHERE v.system_id = ? ORDER BY v.created_at, v.id""")
                .param(systemId)
                .query((rs, i) -> new ModelVersion(rs.getLong("id"), rs.getString("system_id"), rs.getString("version"),
                        rs.getString("artifact_uri"), rs.getString("sha256"),
                        ModelVersionStatus.valueOf(rs.getString("status")), rs.getString("previous_version"),
                        JdbcTime.instant(rs, "created_at"), rs.getString("created_by"),
                        JdbcTime.instant(rs, "status_changed_at"), rs.getString("status_changed_by"),
                        rs.getString("status_reason")))
                .list();
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
}
