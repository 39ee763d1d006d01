package io.aiactops.maintenance;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The only place a {@code post-market-review} of one period is started, on demand or by the daily
 * cadence check; the review's row is opened in the starting transaction, its id is the business key.
 */
@Component
public class PostMarketReviewStarter {

    /** The actor of reviews the cadence check starts. */
    public static final String SCHEDULER = "post-market-review scheduler";

    private final RuntimeService runtimeService;
    private final PostMarketReports reports;

    PostMarketReviewStarter(RuntimeService runtimeService, PostMarketReports reports) {
        this.runtimeService = runtimeService;
        this.reports = reports;
    }

    @Transactional
    public String start(PostMarketReports.ReviewPeriod period, String trigger, String requestedBy) {
        String id = reports.open(period, trigger, requestedBy);
        runtimeService.createMessageCorrelation(PostMarketReviewProcess.MESSAGE_REVIEW_REQUESTED)
                .processInstanceBusinessKey(id)
                .setVariables(PostMarketReviewVariables.start(id, period, trigger, requestedBy))
                .correlateStartMessage();
        return id;
    }
}
