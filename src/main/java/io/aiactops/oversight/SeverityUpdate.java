package io.aiactops.oversight;

/**
 * What a recurring breach does to an open review's severity: it only rises. A breach at least as severe
 * becomes the review's severity and rationale (the latest word at that level); only a more severe one
 * brings the review's due date forward.
 *
 * @param severity the review's severity afterwards
 * @param takesRationale whether the breach's rationale replaces the review's
 * @param bringsForward whether the review is now due sooner, by the new severity's review time
 */
public record SeverityUpdate(Severity severity, boolean takesRationale, boolean bringsForward) {

    public static SeverityUpdate of(Severity current, Severity incoming) {
        int order = incoming.compareTo(current);
        return new SeverityUpdate(order >= 0 ? incoming : current, order >= 0, order > 0);
    }
}
