package io.aiactops.logs;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.aiactops.notification.Mailer;
import io.aiactops.platform.jdbc.JdbcTime;
import io.aiactops.platform.security.Roles;
import io.aiactops.registry.AiSystem;
import io.aiactops.registry.Registry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Verifies every chain once a day (docs/log-register.md#daily-verification): incrementally, from the
 * newest checkpoint that still matches, or in full while the chain's last result was a failure, so
 * that a checkpoint taken after a break cannot hide it. One node runs it, the one that claims the
 * run. Each result is kept in {@code log_chain_verification}, which every node shows as the gauge
 * {@code aiact_log_chain_valid{system}}. A new failure is recorded in the system's register and
 * mailed to process owners and auditors; a mail that fails is sent again later, by any node.
 */
@Component
class ChainVerificationJob implements MeterBinder {

    static final String CHAIN_VALID = "aiact.log.chain.valid";

    private static final Logger log = LoggerFactory.getLogger(ChainVerificationJob.class);

    private final LogRegister register;
    private final Registry registry;
    private final Mailer mailer;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ChainVerificationProperties properties;
    private final Clock clock;
    private MultiGauge chainValid;

    ChainVerificationJob(LogRegister register, Registry registry, Mailer mailer, JdbcClient jdbc,
            TransactionTemplate transactions, ChainVerificationProperties properties, Clock clock) {
        this.register = register;
        this.registry = registry;
        this.mailer = mailer;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    /** The latest scheduled result of one chain. */
    record Result(String systemId, Instant verifiedAt, boolean valid, Long firstInvalidSeq, String reason,
            Instant notifiedAt) {
    }

    @Scheduled(cron = "${aiact.logs.verification.cron:0 15 3 * * *}")
    public void run() {
        if (claim(clock.instant())) {
            verifyAll();
        }
    }

    /**
     * Once after a start: a scheduled run that did not happen since the last one (a new installation, or
     * no node up at the scheduled time) runs now, so that no chain goes unverified, and without a result
     * on the gauge, until the next scheduled time.
     */
    @Scheduled(initialDelayString = "${aiact.logs.verification.catch-up-delay:PT1M}", fixedDelay = Long.MAX_VALUE)
    public void catchUp() {
        Instant now = clock.instant();
        Instant lastRun = jdbc.sql("SELECT claimed_at FROM log_verification_claim WHERE id = 1")
                .query((rs, n) -> JdbcTime.instant(rs, "claimed_at")).single();
        if (missedSince(lastRun, now) && claim(now)) {
            log.info("Log register verification: {}; running it now", lastRun.equals(Instant.EPOCH)
                    ? "none has run on this database yet" : "the run due after the one of " + lastRun + " did not happen");
            verifyAll();
        }
    }

    /** Whether a scheduled run fell due after {@code lastRun}, up to {@code now}. */
    boolean missedSince(Instant lastRun, Instant now) {
        // Spring runs the cron in the server's time zone.
        ZonedDateTime due = CronExpression.parse(properties.cron()).next(lastRun.atZone(ZoneId.systemDefault()));
        return due != null && !due.toInstant().isAfter(now);
    }

    /** True for the one node whose claim moves the run's time; the others skip this run. */
    boolean claim(Instant now) {
        return jdbc.sql("UPDATE log_verification_claim SET claimed_at = ? WHERE id = 1 AND claimed_at <= ?")
                .params(JdbcTime.utc(now), JdbcTime.utc(now.minus(properties.lease()))).update() == 1;
    }

    /** Verifies every chain; a chain that cannot be read does not stop the others, and fails the run at the end. */
    void verifyAll() {
        List<String> errors = new ArrayList<>();
        int broken = 0;
        for (AiSystem system : registry.list()) {
            try {
                broken += verify(system.id()).valid() ? 0 : 1;
            } catch (RuntimeException e) {
                errors.add(system.id() + ": " + e.getMessage());
            }
        }
        refresh();
        log.info("Log register verification: {} chain(s) broken", broken);
        mailPending();
        if (!errors.isEmpty()) {
            throw new IllegalStateException("Could not verify " + errors.size() + " log chain(s): " + errors);
        }
    }

    Verification verify(String systemId) {
        Optional<Result> previous = result(systemId);
        boolean wasBroken = previous.isPresent() && !previous.get().valid();
        Verification verification = wasBroken ? register.verify(systemId) : register.verifySinceLatestCheckpoint(systemId);
        boolean newFailure = !verification.valid() && (!wasBroken
                || !Objects.equals(previous.get().firstInvalidSeq(), verification.firstInvalidSeq()));
        transactions.executeWithoutResult(tx -> {
            save(systemId, verification, newFailure ? null : previous.map(Result::notifiedAt).orElse(null));
            if (newFailure) {
                Map<String, Object> payload = new LinkedHashMap<>();
                payload.put("verification", wasBroken ? "full" : "incremental");
                payload.put("startedAfterSeq", verification.startedAfterSeq());
                payload.put("headSeq", verification.headSeq());
                payload.put("firstInvalidSeq", verification.firstInvalidSeq());
                payload.put("reason", verification.reason());
                register.record(systemId, LogEventType.CHAIN_VERIFICATION_FAILED, "aiact-ops", payload);
            }
        });
        return verification;
    }

    /** Mails each failure not mailed yet; the row lock keeps two nodes from mailing the same one. */
    @Scheduled(fixedDelayString = "${aiact.logs.verification.mail-retry:PT15M}",
            initialDelayString = "${aiact.logs.verification.mail-retry:PT15M}")
    public void mailPending() {
        List<String> failures = new ArrayList<>();
        for (String systemId : jdbc.sql("SELECT system_id FROM log_chain_verification WHERE NOT valid AND notified_at IS NULL")
                .query(String.class).list()) {
            try {
                transactions.executeWithoutResult(tx -> mail(systemId));
            } catch (RuntimeException e) {
                failures.add(systemId + ": " + e.getMessage());
            }
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("Could not mail " + failures.size() + " broken log chain(s): " + failures);
        }
    }

    private void mail(String systemId) {
        Optional<Result> pending = jdbc.sql(SELECT + " WHERE system_id = ? FOR UPDATE").param(systemId)
                .query(ChainVerificationJob::result).optional().filter(r -> !r.valid() && r.notifiedAt() == null);
        if (pending.isEmpty()) {
            return; // another node mailed it meanwhile, or a later run found the chain valid
        }
        Result result = pending.get();
        mailer.toGroups(List.of(Roles.PROCESS_OWNERS, Roles.AUDITORS),
                "Log register of " + systemId + " failed verification at event " + result.firstInvalidSeq(),
                """
                The scheduled verification of the log register of %s found the hash chain broken at %s.

                Event %d: %s

                Until the register is restored from a backup, this chain cannot serve as evidence (Arts. 12, 19 AI Act).
                Check it yourself: %s
                Export it and verify it offline: src/verifier/verify_log_export.py (docs/log-register.md).
                """.formatted(systemId, JdbcTime.utc(result.verifiedAt()), result.firstInvalidSeq(), result.reason(),
                        mailer.link("/api/systems/" + systemId + "/logs/verify")));
        jdbc.sql("UPDATE log_chain_verification SET notified_at = ? WHERE system_id = ?")
                .params(JdbcTime.utc(clock.instant()), systemId).update();
    }

    Optional<Result> result(String systemId) {
        return jdbc.sql(SELECT + " WHERE system_id = ?").param(systemId).query(ChainVerificationJob::result).optional();
    }

    private void save(String systemId, Verification v, Instant notifiedAt) {
        Object[] values = { JdbcTime.utc(clock.instant()), v.valid(), v.startedAfterSeq(), v.eventsChecked(), v.headSeq(),
                v.firstInvalidSeq(), v.reason(), notifiedAt == null ? null : JdbcTime.utc(notifiedAt), systemId };
        if (jdbc.sql("UPDATE log_chain_verification SET verified_at = ?, valid = ?, started_after_seq = ?, events_checked = ?, "
                + "head_seq = ?, first_invalid_seq = ?, reason = ?, notified_at = ? WHERE system_id = ?")
                .params(values).update() == 0) {
            jdbc.sql("INSERT INTO log_chain_verification (verified_at, valid, started_after_seq, events_checked, head_seq, "
                    + "first_invalid_seq, reason, notified_at, system_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(values).update();
        }
    }

    private static final String SELECT = "SELECT system_id, verified_at, valid, first_invalid_seq, reason, notified_at "
            + "FROM log_chain_verification";

    private static Result result(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        long firstInvalid = rs.getLong("first_invalid_seq");
        return new Result(rs.getString("system_id"), JdbcTime.instant(rs, "verified_at"), rs.getBoolean("valid"),
                rs.wasNull() ? null : firstInvalid, rs.getString("reason"), JdbcTime.instant(rs, "notified_at"));
    }

    @Override
    public void bindTo(MeterRegistry meters) {
        chainValid = MultiGauge.builder(CHAIN_VALID)
                .description("1 if the latest scheduled verification found the system's log chain valid, 0 if broken")
                .register(meters);
        refresh();
    }

    /** Every node shows the latest results, whichever node verified. */
    @Scheduled(fixedDelayString = "${aiact.logs.verification.metrics-refresh:PT1M}",
            initialDelayString = "${aiact.logs.verification.metrics-refresh:PT1M}")
    void refresh() {
        if (chainValid == null) {
            return;
        }
        chainValid.register(jdbc.sql("SELECT system_id, valid FROM log_chain_verification")
                .query((rs, n) -> MultiGauge.Row.of(Tags.of("system", rs.getString("system_id")),
                        rs.getBoolean("valid") ? 1 : 0))
                .list(), true);
    }
}
