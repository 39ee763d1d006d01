package io.aiactops.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionSystemException;

/** What the database-restart test met: each of these is a 503, while a plain bug stays a 500. */
class DatabaseFailuresTest {

    @Test
    void aLostOrRefusedConnectionIsUnavailableWhereverItIsWrapped() {
        // HTTP Basic during the outage: Camunda's checkPassword wraps Hikari's timeout
        assertThat(DatabaseFailures.isDatabaseUnavailable(new ProcessEnginePersistenceException("persistence",
                new RuntimeException(new SQLTransientConnectionException("Connection is not available"))))).isTrue();
        // The session was terminated mid-request (57P01), or the socket broke (08006)
        assertThat(DatabaseFailures.isDatabaseUnavailable(new SQLException("terminating connection", "57P01"))).isTrue();
        assertThat(DatabaseFailures.isDatabaseUnavailable(new SQLException("I/O error", "08006"))).isTrue();
        // ... and the rollback on the dead connection replaced that failure
        TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        assertThat(DatabaseFailures.isDatabaseUnavailable(rollback)).isTrue();
        TransactionSystemException other = new TransactionSystemException("JDBC rollback failed",
                new SQLException("something else"));
        other.initApplicationException(new SQLException("I/O error", "08006"));
        assertThat(DatabaseFailures.isDatabaseUnavailable(other)).isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(DatabaseFailures.isDatabaseUnavailable(new IllegalStateException("bug"))).isFalse();
        assertThat(DatabaseFailures.isDatabaseUnavailable(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(DatabaseFailures.isDatabaseUnavailable(new TransactionSystemException("commit failed",
                new SQLException("serialization", "40001")))).isFalse();
    }
}
