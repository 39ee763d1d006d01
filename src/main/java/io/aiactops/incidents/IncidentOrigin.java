package io.aiactops.incidents;

import io.aiactops.platform.WireName;

/** Where a serious-incident case came from. */
public enum IncidentOrigin implements WireName {
    /** {@code POST /api/incidents}: incident managers, overseers, deployers' machine clients. */
    API,
    /** An overseer's "report a serious incident" decision on a monitoring alert. */
    OVERSIGHT_REVIEW,
    /** The start form in Camunda Tasklist. */
    TASKLIST;

    public static IncidentOrigin fromWireName(String wireName) {
        return WireName.find(IncidentOrigin.class, wireName)
                .orElseThrow(() -> new IllegalArgumentException("unknown incident origin '" + wireName + "'"));
    }
}
