package io.aiactops.calendar;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A period in days computed under Regulation 1182/71, Art. 3, for one Member State: the day of the
 * event (local, not counted), the nominal end, and the end once Art. 3(4) and 3(5) are applied.
 */
public record TimeLimit(String memberState, ZoneId zone, LocalDate eventDay, Deadline nominal, Deadline adjusted,
        Adjustment adjustment) {
}
