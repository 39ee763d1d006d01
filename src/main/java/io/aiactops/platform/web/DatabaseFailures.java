package io.aiactops.platform.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** Tells a failure of the database connection (unreachable, restarting, session terminated) from a bug. */
public final class DatabaseFailures {

    private DatabaseFailures() {
    }

    /** Whether this failure, one of its causes, or the failure a rollback replaced says the database is unavailable. */
    public static boolean isDatabaseUnavailable(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < 32; cause = cause.getCause(), depth++) {
            if (cause instanceof CannotGetJdbcConnectionException || cause instanceof CannotCreateTransactionException
                    || cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException) {
                return true;
            }
            // 08: connection exception; 57P: the server shuts down, restarts or terminated the session.
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            // Hikari's answer on a connection it already closed because the server dropped it (no SQLState).
            if (cause instanceof SQLException sql && sql.getSQLState() == null
                    && "Connection is closed".equals(sql.getMessage())) {
                return true;
            }
            // A rollback that failed on the dead connection hides the failure that caused it.
            if (cause instanceof TransactionSystemException tx && tx.getApplicationException() != null
                    && tx.getApplicationException() != failure && isDatabaseUnavailable(tx.getApplicationException())) {
                return true;
            }
        }
        return false;
    }
}
