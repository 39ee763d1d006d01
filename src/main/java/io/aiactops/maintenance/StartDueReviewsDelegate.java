package io.aiactops.maintenance;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The daily cadence check: starts a review of every scheduled period that has ended without one. */
@Component("startDueReviewsDelegate")
public class StartDueReviewsDelegate implements JavaDelegate {

    private final PostMarketReports reports;
    private final PostMarketReviewStarter starter;

    public StartDueReviewsDelegate(PostMarketReports reports, PostMarketReviewStarter starter) {
        this.reports = reports;
        this.starter = starter;
    }

    @Override
    public void execute(DelegateExecution execution) {
        reports.duePeriods().forEach(period -> starter.start(period, PostMarketReports.SCHEDULED, PostMarketReviewStarter.SCHEDULER));
    }
}
