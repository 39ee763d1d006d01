package io.aiactops.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.aiactops.logs.LogEventType;
import io.aiactops.logs.LogRegister;
import io.aiactops.maintenance.MonitoringPlans;
import io.aiactops.platform.security.OidcProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Two weeks of demo inferences for the demo system, appended through the register at start-up (so
 * their chain is valid; {@code occurredAt} spread over the fortnight, {@code recordedAt} now), and a
 * monitoring plan with built-in monitors over them. The last three days drift (applicants score
 * lower) and applicants aged 18-25 are approved less often, so that within the first poll the psi
 * and group-parity monitors open reviews for the overseer. Once per database: a demo system that
 * already has a monitoring plan is left as it is.
 */
@Component
@ConditionalOnExpression("${aiact.demo.enabled:false} && '${" + OidcProperties.ISSUER_KEY + ":}' == ''")
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class DemoMonitoringHistory implements ApplicationRunner {

    private static final Duration HISTORY = Duration.ofDays(14);
    private static final Duration EVERY = Duration.ofMinutes(5);
    private static final Duration DRIFTED = Duration.ofDays(3);
    private static final String[] AGE_BANDS = {"18-25", "26-40", "41-65", "65+"};
    private static final int BATCH = 1000;
    private static final String ACTOR = "demo-serving-layer";

    private static final Logger log = LoggerFactory.getLogger(DemoMonitoringHistory.class);

    private final LogRegister register;
    private final MonitoringPlans plans;
    private final ObjectMapper objectMapper;
    private final Clock clock;

    DemoMonitoringHistory(LogRegister register, MonitoringPlans plans, ObjectMapper objectMapper, Clock clock) {
        this.register = register;
        this.plans = plans;
        this.objectMapper = objectMapper;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (plans.current(DemoData.SYSTEM_ID).isPresent()) {
            return;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        int events = appendHistory(now);
        plans.put(DemoData.SYSTEM_ID, objectMapper.valueToTree(plan(now)), "process-owner");
        log.info("Demo monitoring history ready: {} inferences of {} over the last {}, built-in monitors declared",
                events, DemoData.SYSTEM_ID, HISTORY);
    }

    private int appendHistory(Instant now) {
        // Seeded: every demo start shows the same history.
        Random random = new Random(17);
        List<LogRegister.Entry> batch = new ArrayList<>();
        int count = 0;
        for (Instant at = now.minus(HISTORY); at.isBefore(now); at = at.plus(EVERY)) {
            boolean drifted = !at.isBefore(now.minus(DRIFTED));
            String ageBand = AGE_BANDS[random.nextInt(AGE_BANDS.length)];
            double score = clamp((drifted ? 0.40 : 0.55) + random.nextGaussian() * 0.15);
            // The policy threshold is 0.5; the model's scores for the youngest band sit 0.1 lower.
            boolean approved = (ageBand.equals("18-25") ? score - 0.1 : score) >= 0.5;
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("inputRef", "demo://applications/" + count);
            payload.put("output", Map.of("score", round(score), "decision", approved ? "approve" : "decline"));
            payload.put("confidence", round(0.6 + Math.abs(score - 0.5) * 0.8));
            payload.put("context", Map.of("ageBand", ageBand));
            batch.add(new LogRegister.Entry(LogEventType.INFERENCE, at, "1.0.0", "demo-history-" + count, payload));
            count++;
            if (batch.size() == BATCH) {
                register.recordAll(DemoData.SYSTEM_ID, ACTOR, batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            register.recordAll(DemoData.SYSTEM_ID, ACTOR, batch);
        }
        return count;
    }

    /** The monitors emit their past windows too (backfill), so that their charts show the drift arriving. */
    private static Map<String, Object> plan(Instant now) {
        return Map.of(
                "metrics", List.of(
                        Map.of("name", "psi_drift", "category", "drift", "source", "built-in monitor, /output/score"),
                        Map.of("name", "group_parity_ratio", "category", "bias", "source", "built-in monitor, /context/ageBand"),
                        Map.of("name", "mean_confidence", "category", "uncertainty", "source", "built-in monitor, /confidence")),
                "monitors", List.of(
                        Map.of("kind", "psi", "field", "/output/score", "cadence", "PT6H", "window", "P1D",
                                "backfill", "P12D", "reference", Map.of("from", now.minus(HISTORY).toString(),
                                        "to", now.minus(Duration.ofDays(7)).toString())),
                        Map.of("kind", "group_parity", "groupField", "/context/ageBand", "outcomeField", "/output/decision",
                                "outcomeValue", "approve", "cadence", "PT6H", "window", "P7D", "backfill", "P6D"),
                        Map.of("kind", "confidence", "cadence", "PT6H", "window", "P1D", "backfill", "P12D")),
                "thresholdsReference", "DMN monitoring-thresholds",
                "reviewCadence", "P1M",
                "owners", List.of("process-owners", "process-owner"),
                "deployerFeedbackChannel", "mailto:ai-feedback@demo-lending.example",
                "changeNote", "Demo: built-in monitors over the seeded two-week history");
    }

    private static double clamp(double score) {
        return Math.max(0, Math.min(1, score));
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
