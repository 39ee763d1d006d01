/** The legal calendar (Regulation 1182/71): periods in days and working days, per Member State's time zone and public holidays. */
package io.aiactops.calendar;
