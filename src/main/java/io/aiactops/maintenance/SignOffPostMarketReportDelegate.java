package io.aiactops.maintenance;

import static io.aiactops.maintenance.PostMarketReviewVariables.CONCLUSIONS;
import static io.aiactops.maintenance.PostMarketReviewVariables.CORRECTIVE_ACTION_NEEDED;
import static io.aiactops.maintenance.PostMarketReviewVariables.CORRECTIVE_ACTION_REASON;
import static io.aiactops.maintenance.PostMarketReviewVariables.POST_MARKET_REPORT_ID;
import static io.aiactops.maintenance.PostMarketReviewVariables.REPORT_SHA256;
import static io.aiactops.maintenance.PostMarketReviewVariables.RISK_REGISTER_NOTES;
import static io.aiactops.maintenance.PostMarketReviewVariables.SIGNED_OFF_AT;
import static io.aiactops.maintenance.PostMarketReviewVariables.SIGNED_OFF_BY;
import static io.aiactops.maintenance.PostMarketReviewVariables.SIGNED_OFF_NAME;
import static io.aiactops.maintenance.PostMarketReviewVariables.SIGN_OFF_ROLE;

import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Freezes the signed report, stores it and records its SHA-256 in the register. */
@Component("signOffPostMarketReportDelegate")
public class SignOffPostMarketReportDelegate implements JavaDelegate {

    private final PostMarketReports reports;

    public SignOffPostMarketReportDelegate(PostMarketReports reports) {
        this.reports = reports;
    }

    @Override
    public void execute(DelegateExecution execution) {
        PostMarketReport report = reports.signOff(POST_MARKET_REPORT_ID.required(execution), CONCLUSIONS.required(execution),
                RISK_REGISTER_NOTES.from(execution),
                Boolean.TRUE.equals(CORRECTIVE_ACTION_NEEDED.from(execution)) ? CORRECTIVE_ACTION_REASON.required(execution) : null,
                new PostMarketReport.SignOff(SIGNED_OFF_BY.required(execution), SIGNED_OFF_NAME.required(execution),
                        SIGN_OFF_ROLE.required(execution), Instant.parse(SIGNED_OFF_AT.required(execution))));
        REPORT_SHA256.set(execution, report.sha256());
    }
}
