package io.aiactops.calendar;

/** Why the adjusted end of a time limit differs from its nominal end (Regulation 1182/71). */
public enum Adjustment {
    /** The last day is a working day and the period holds enough working days: adjusted = nominal. */
    NONE,
    /** Art. 3(4): the last day is a Saturday, Sunday or public holiday; the period ends with the next working day. */
    NEXT_WORKING_DAY,
    /** Art. 3(5): a period of two days or more includes at least two working days, so it ends with the second one. */
    TWO_WORKING_DAYS
}
