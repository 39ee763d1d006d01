package io.aiactops.monitoring;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code aiact.monitoring.*}: request limits of the signals API and how Alertmanager labels map an
 * alert to a system and a metric.
 */
@ConfigurationProperties("aiact.monitoring")
public record MonitoringProperties(
        @DefaultValue("1000") int maxSignalsPerRequest,
        @DefaultValue Alertmanager alertmanager) {

    /** Label names of Alertmanager alerts; {@code category} is used when the alert has no category label. */
    public record Alertmanager(
            @DefaultValue("ai_system") String systemLabel,
            @DefaultValue("metric") String metricLabel,
            @DefaultValue("category") String categoryLabel,
            @DefaultValue("severity") String severityLabel,
            @DefaultValue("value") String valueAnnotation,
            @DefaultValue("integrity") String defaultCategory,
            @DefaultValue("1000") int maxAlertsPerRequest) {
    }
}
