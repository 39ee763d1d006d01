package io.aiactops.incidents;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.springframework.web.util.HtmlUtils;

/** A report to an authority as one self-contained HTML page, section by section; an empty value reads "—". */
final class ReportPage {

    record Row(String label, String value) {
    }

    private final StringBuilder html = new StringBuilder();

    ReportPage(String title, String heading) {
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(escape(title))
                .append("</title><style>body{font-family:sans-serif;max-width:60em;margin:2em auto}th{text-align:left;"
                        + "vertical-align:top;width:18em;padding-right:1em}td{white-space:pre-wrap}</style></head><body>\n")
                .append("<h1>").append(escape(heading)).append("</h1>\n");
    }

    static Row row(String label, Object value) {
        return new Row(label, value instanceof Instant instant ? instant.toString() : Objects.toString(value, null));
    }

    static String yesNo(Boolean value) {
        return value == null ? null : value ? "yes" : "no";
    }

    ReportPage section(String title, List<Row> rows) {
        html.append("<h2>").append(escape(title)).append("</h2>\n<table>\n");
        for (Row row : rows) {
            html.append("<tr><th>").append(escape(row.label())).append("</th><td>")
                    .append(row.value() == null || row.value().isBlank() ? "—" : escape(row.value()))
                    .append("</td></tr>\n");
        }
        html.append("</table>\n");
        return this;
    }

    String end() {
        return html.append("</body></html>\n").toString();
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
