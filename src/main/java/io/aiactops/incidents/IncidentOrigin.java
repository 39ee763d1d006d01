package io.aiactops.incidents;

import java.util.Locale;

/** Where a serious-incident case came from. */
public enum IncidentOrigin {
    /** {@code POST /api/incidents}: incident managers, overseers, deployers' machine clients. */
    API,
    /** An overseer's "report a serious incident" decision on a monitoring alert. */
    OVERSIGHT_REVIEW,
    /** The start form in Camunda Tasklist. */
    TASKLIST;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static IncidentOrigin fromWireName(String wireName) {
        for (IncidentOrigin origin : values()) {
            if (origin.wireName().equals(wireName)) {
                return origin;
            }
        }
        throw new IllegalArgumentException("unknown incident origin '" + wireName + "'");
    }
}
