package io.aiactops.monitoring.builtin;

import org.springframework.context.ApplicationContext;

/** Runs a system's built-in monitors now, for tests outside this package (the scheduled poll is off in tests). */
public final class BuiltinMonitorRuns {

    private BuiltinMonitorRuns() {
    }

    public static int runNow(ApplicationContext context, String systemId) {
        return context.getBean(BuiltinMonitorRun.class).run(systemId);
    }
}
