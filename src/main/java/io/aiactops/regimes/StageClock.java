package io.aiactops.regimes;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The clock of one stage of a regime in one Member State: running to {@code dueAt} (counted from
 * {@code startsAt}), waiting for what starts it, or without a time limit. {@code basis} says why, for people.
 * {@code dueAt} is exclusive like {@link io.aiactops.calendar.Deadline#endsAt()}: a submission is in time
 * if it is recorded before it.
 */
public record StageClock(RegimeStage stage, String memberState, ZoneId zone, State state, Instant startsAt,
        Instant dueAt, String basis) {

    public enum State {
        /** The clock runs: the stage is due at {@code dueAt}. */
        DUE,
        /** The clock has not started: it waits for the event {@code basis} names. */
        WAITING,
        /** The regime sets no time limit ("without undue delay"). */
        NO_TIME_LIMIT
    }

    static StageClock due(RegimeStage stage, String memberState, ZoneId zone, Instant startsAt, Instant dueAt, String basis) {
        return new StageClock(stage, memberState, zone, State.DUE, startsAt, dueAt, basis);
    }

    static StageClock waiting(RegimeStage stage, String memberState, ZoneId zone, String waitingFor) {
        return new StageClock(stage, memberState, zone, State.WAITING, null, null, "waits for " + waitingFor);
    }

    static StageClock withoutTimeLimit(RegimeStage stage, String memberState, ZoneId zone, String basis) {
        return new StageClock(stage, memberState, zone, State.NO_TIME_LIMIT, null, null, basis);
    }

    public Regime regime() {
        return stage.regime();
    }

    /** The due instant in the Member State's local time, shown beside the UTC instant. */
    public ZonedDateTime localDue() {
        return dueAt == null ? null : dueAt.atZone(zone);
    }

    /** Whether a submission recorded at {@code submittedAt} meets the limit; a stage without one is always met. */
    public boolean metBy(Instant submittedAt) {
        return state != State.DUE || submittedAt.isBefore(dueAt);
    }

    /** Time left until the limit (negative once it has passed). */
    public Duration timeLeft(Instant now) {
        if (state != State.DUE) {
            throw new IllegalStateException(stage + " has no running clock: " + basis);
        }
        return Duration.between(now, dueAt);
    }
}
