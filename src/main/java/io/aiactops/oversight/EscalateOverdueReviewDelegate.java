package io.aiactops.oversight;

import static io.aiactops.oversight.OversightReviewVariables.AI_SYSTEM_ID;
import static io.aiactops.oversight.OversightReviewVariables.BREACH_COUNT;
import static io.aiactops.oversight.OversightReviewVariables.FIRST_SEEN_AT;
import static io.aiactops.oversight.OversightReviewVariables.LATEST_VALUE;
import static io.aiactops.oversight.OversightReviewVariables.METRIC;
import static io.aiactops.oversight.OversightReviewVariables.RATIONALE;
import static io.aiactops.oversight.OversightReviewVariables.REVIEW_DUE_AT;

import java.time.ZoneOffset;
import java.util.List;

import io.aiactops.calendar.DeadlineWords;
import io.aiactops.notification.Mailer;
import io.aiactops.platform.security.Roles;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Mails the incident managers that a critical review is overdue (an async, retried job). */
@Component("escalateOverdueReviewDelegate")
public class EscalateOverdueReviewDelegate implements JavaDelegate {

    private final Mailer mailer;

    public EscalateOverdueReviewDelegate(Mailer mailer) {
        this.mailer = mailer;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String system = AI_SYSTEM_ID.required(execution);
        String metric = METRIC.required(execution);
        mailer.toGroups(List.of(Roles.INCIDENT_MANAGERS),
                "[aiact-ops] Critical alert on " + system + " not reviewed in time: " + metric,
                """
                A critical monitoring alert has not been reviewed by its due date.

                AI system:    %s
                Metric:       %s (latest value %s, %s breach(es) since %s)
                Threshold:    %s
                Due:          %s

                Open the review in Tasklist: %s
                """.formatted(system, metric, LATEST_VALUE.from(execution), BREACH_COUNT.from(execution),
                        FIRST_SEEN_AT.from(execution), RATIONALE.from(execution),
                        DeadlineWords.ENGLISH.of(REVIEW_DUE_AT.from(execution).toInstant(), ZoneOffset.UTC), mailer.link("/camunda/app/tasklist/")));
    }
}
