package io.aiactops.maintenance;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of corrective actions ({@code aiact.maintenance.*}, docs/processes/corrective-action.md).
 *
 * @param authorityOrderMaxWorkingDays Art. 79(2): the longest period an authority may give, in working days
 * @param verificationWindow how long a retrained or adapted version runs before its effectiveness is verified;
 *        KPIs are compared over this long before and after the activation
 * @param instructionsReminderAfter how long a deployer may leave new instructions for use unacknowledged
 *        before it is reminded, and again after each such period (ten reminders at most)
 */
@ConfigurationProperties("aiact.maintenance")
public record MaintenanceProperties(@DefaultValue("15") int authorityOrderMaxWorkingDays,
        @DefaultValue("P7D") Duration verificationWindow, @DefaultValue("P7D") Duration instructionsReminderAfter) {

    public MaintenanceProperties {
        if (authorityOrderMaxWorkingDays < 1) {
            throw new IllegalArgumentException("aiact.maintenance.authority-order-max-working-days is at least 1");
        }
        if (verificationWindow.isNegative() || verificationWindow.isZero()) {
            throw new IllegalArgumentException("aiact.maintenance.verification-window is a positive duration");
        }
        if (instructionsReminderAfter.isNegative() || instructionsReminderAfter.isZero()) {
            throw new IllegalArgumentException("aiact.maintenance.instructions-reminder-after is a positive duration");
        }
    }

    /** The reminder timer's cycle. */
    public String instructionsReminderCycle() {
        return "R10/" + instructionsReminderAfter;
    }
}
