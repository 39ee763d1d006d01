package io.aiactops.documentation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import org.springframework.web.util.HtmlUtils;

/** A document of sections holding paragraphs and tables, rendered the same way as Markdown and as HTML. */
final class Document {

    private final String title;
    private final List<Section> sections = new ArrayList<>();

    Document(String title) {
        this.title = title;
    }

    private sealed interface Block permits Paragraph, Table {
    }

    private record Paragraph(String text) implements Block {
    }

    private record Table(List<String> headers, List<List<String>> rows) implements Block {
    }

    private record Section(String title, List<Block> blocks) {
    }

    Document section(String sectionTitle) {
        sections.add(new Section(sectionTitle, new ArrayList<>()));
        return this;
    }

    Document paragraph(String text) {
        current().add(new Paragraph(text));
        return this;
    }

    /** A table; an empty one reads "None recorded." rather than showing bare headers. */
    Document table(List<String> headers, List<List<String>> rows) {
        current().add(rows.isEmpty() ? new Paragraph("None recorded.") : new Table(headers, rows));
        return this;
    }

    private List<Block> current() {
        return sections.get(sections.size() - 1).blocks();
    }

    String markdown() {
        StringBuilder md = new StringBuilder("# ").append(title).append("\n");
        for (Section section : sections) {
            md.append("\n## ").append(section.title()).append("\n");
            for (Block block : section.blocks()) {
                if (block instanceof Paragraph p) {
                    md.append("\n").append(p.text()).append("\n");
                } else if (block instanceof Table t) {
                    md.append("\n| ").append(String.join(" | ", t.headers())).append(" |\n|")
                            .append(" --- |".repeat(t.headers().size())).append("\n");
                    t.rows().forEach(row -> md.append("| ").append(row.stream().map(Document::cell)
                            .collect(Collectors.joining(" | "))).append(" |\n"));
                }
            }
        }
        return md.toString();
    }

    String html() {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(title)).append("</title><style>body{font-family:sans-serif;max-width:70em;margin:2em auto}"
                        + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .5em;text-align:left;"
                        + "vertical-align:top}</style></head><body>\n<h1>").append(escape(title)).append("</h1>\n");
        for (Section section : sections) {
            html.append("<h2>").append(escape(section.title())).append("</h2>\n");
            for (Block block : section.blocks()) {
                if (block instanceof Paragraph p) {
                    html.append("<p>").append(escape(p.text())).append("</p>\n");
                } else if (block instanceof Table t) {
                    html.append("<table><tr>");
                    t.headers().forEach(h -> html.append("<th>").append(escape(h)).append("</th>"));
                    html.append("</tr>\n");
                    t.rows().forEach(row -> {
                        html.append("<tr>");
                        row.forEach(c -> html.append("<td>").append(escape(Objects.toString(c, "—"))).append("</td>"));
                        html.append("</tr>\n");
                    });
                    html.append("</table>\n");
                }
            }
        }
        return html.append("</body></html>\n").toString();
    }

    /** A Markdown table cell: one line, pipes escaped. */
    private static String cell(String value) {
        return value == null ? "—" : value.replace("|", "\\|").replace("\n", " ");
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
