package io.aiactops.logs;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A JSON pointer (RFC 6901) as the path of PostgreSQL's {@code jsonb #> text[]}. The two agree on
 * object keys and on plain array indexes; PostgreSQL also reads "-1" (from the end), "01" or " 1" as
 * an index where Jackson, and the pointer standard, find nothing. Such a pointer has no path here, and
 * its reader applies it to the whole payload instead.
 */
final class JsonPointerPath {

    /** What PostgreSQL's strtoint takes for an array index. */
    private static final Pattern POSTGRES_INDEX = Pattern.compile("\\s*[+-]?\\d+");
    /** What Jackson's JsonPointer takes for one (a 10-digit index is left to the payload, as rare). */
    private static final Pattern POINTER_INDEX = Pattern.compile("0|[1-9]\\d{0,8}");

    private JsonPointerPath() {
    }

    /** The path of a valid pointer, or null where PostgreSQL would read it differently. */
    static List<String> of(String pointer) {
        List<String> path = new ArrayList<>();
        if (pointer.isEmpty()) {
            return path;
        }
        if (pointer.charAt(0) != '/') {
            return null;
        }
        for (String token : pointer.substring(1).split("/", -1)) {
            String segment = token.replace("~1", "/").replace("~0", "~");
            if (POSTGRES_INDEX.matcher(segment).matches() && !POINTER_INDEX.matcher(segment).matches()) {
                return null;
            }
            path.add(segment);
        }
        return path;
    }
}
