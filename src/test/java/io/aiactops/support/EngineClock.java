package io.aiactops.support;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The {@link Clock} bean of process tests: it reads the engine's clock, so that a test that moves the
 * engine's time ({@code ClockUtil.setCurrentTime}) to fire a timer moves the delegates' "now" with it.
 */
public final class EngineClock extends Clock {

    public static final EngineClock INSTANCE = new EngineClock();

    private EngineClock() {
    }

    @Override
    public Instant instant() {
        return ClockUtil.now().toInstant();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }
}
