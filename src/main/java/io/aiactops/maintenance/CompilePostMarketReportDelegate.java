package io.aiactops.maintenance;

import static io.aiactops.maintenance.PostMarketReviewVariables.OVERRIDE_RATE;
import static io.aiactops.maintenance.PostMarketReviewVariables.POST_MARKET_REPORT_ID;
import static io.aiactops.maintenance.PostMarketReviewVariables.REPORT_SUMMARY;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Compiles the period's report from the log register, for "Review post-market report". */
@Component("compilePostMarketReportDelegate")
public class CompilePostMarketReportDelegate implements JavaDelegate {

    private final PostMarketReports reports;

    public CompilePostMarketReportDelegate(PostMarketReports reports) {
        this.reports = reports;
    }

    @Override
    public void execute(DelegateExecution execution) {
        PostMarketFindings findings = reports.compile(POST_MARKET_REPORT_ID.required(execution));
        REPORT_SUMMARY.set(execution, findings.summary());
        OVERRIDE_RATE.set(execution, findings.oversight().overrideRate());
    }
}
