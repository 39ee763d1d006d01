package io.aiactops.incidents;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import io.aiactops.platform.WireName;

/**
 * The report types of the Commission's draft Art. 73 template. The first report of a case is an
 * initial one (73(5): incomplete is allowed to meet the deadline) or a combined initial-and-final one.
 */
public enum ReportType implements WireName {
    INITIAL, FOLLOW_UP, COMBINED, FINAL_REPORTABLE, FINAL_NON_REPORTABLE;

    /** What the first report of a case may be. */
    public static final Set<ReportType> FIRST = Set.of(INITIAL, COMBINED);
    /** What may follow the first report. */
    public static final Set<ReportType> LATER = Set.of(FOLLOW_UP, FINAL_REPORTABLE, FINAL_NON_REPORTABLE);

    /** Whether the case's reporting ends with this report. */
    public boolean isFinal() {
        return this == COMBINED || this == FINAL_REPORTABLE || this == FINAL_NON_REPORTABLE;
    }

    /** The type with this wire name, or {@code null}. */
    public static ReportType fromWireName(String wireName) {
        return WireName.find(ReportType.class, wireName).orElse(null);
    }

    public static String wireNames(Set<ReportType> types) {
        return Arrays.stream(values()).filter(types::contains).map(ReportType::wireName).collect(Collectors.joining(", "));
    }
}
