package io.aiactops.maintenance;

import java.util.HashMap;
import java.util.Map;

import io.aiactops.platform.process.ProcessVariable;

/**
 * The variables of {@code post-market-review}. The review and its frozen report live in our table
 * ({@link PostMarketReports}); the process holds its id, the period, what the form shows and edits,
 * and who signed it off.
 */
public final class PostMarketReviewVariables {

    public static final ProcessVariable<String> AI_SYSTEM_ID = ProcessVariable.of("aiSystemId", String.class);
    public static final ProcessVariable<String> POST_MARKET_REPORT_ID = ProcessVariable.of("postMarketReportId", String.class);
    /** ISO-8601 instants, the period [from, to). */
    public static final ProcessVariable<String> PERIOD_FROM = ProcessVariable.of("periodFrom", String.class);
    public static final ProcessVariable<String> PERIOD_TO = ProcessVariable.of("periodTo", String.class);
    /** scheduled or on_demand. */
    public static final ProcessVariable<String> REVIEW_TRIGGER = ProcessVariable.of("reviewTrigger", String.class);
    public static final ProcessVariable<String> REQUESTED_BY = ProcessVariable.of("requestedBy", String.class);

    // Compile report
    public static final ProcessVariable<String> REPORT_SUMMARY = ProcessVariable.of("reportSummary", String.class);
    public static final ProcessVariable<Double> OVERRIDE_RATE = ProcessVariable.of("overrideRate", Double.class);

    // Review post-market report
    public static final ProcessVariable<String> CONCLUSIONS = ProcessVariable.of("conclusions", String.class);
    public static final ProcessVariable<String> RISK_REGISTER_NOTES = ProcessVariable.of("riskRegisterNotes", String.class);
    public static final ProcessVariable<Boolean> CORRECTIVE_ACTION_NEEDED = ProcessVariable.of("correctiveActionNeeded", Boolean.class);
    public static final ProcessVariable<String> CORRECTIVE_ACTION_REASON = ProcessVariable.of("correctiveActionReason", String.class);
    public static final ProcessVariable<String> SIGN_OFF_ROLE = ProcessVariable.of("signOffRole", String.class);
    /** Stamped on completion: the user, their name from the identity service, and the instant. */
    public static final ProcessVariable<String> SIGNED_OFF_BY = ProcessVariable.of("signedOffBy", String.class);
    public static final ProcessVariable<String> SIGNED_OFF_NAME = ProcessVariable.of("signedOffName", String.class);
    public static final ProcessVariable<String> SIGNED_OFF_AT = ProcessVariable.of("signedOffAt", String.class);

    // Sign off
    public static final ProcessVariable<String> REPORT_SHA256 = ProcessVariable.of("reportSha256", String.class);

    private PostMarketReviewVariables() {
    }

    /** The variables a review starts with. */
    public static Map<String, Object> start(String reportId, PostMarketReports.ReviewPeriod period, String trigger,
            String requestedBy) {
        Map<String, Object> variables = new HashMap<>();
        AI_SYSTEM_ID.put(variables, period.aiSystemId());
        POST_MARKET_REPORT_ID.put(variables, reportId);
        PERIOD_FROM.put(variables, period.from().toString());
        PERIOD_TO.put(variables, period.to().toString());
        REVIEW_TRIGGER.put(variables, trigger);
        REQUESTED_BY.put(variables, requestedBy);
        return variables;
    }
}
