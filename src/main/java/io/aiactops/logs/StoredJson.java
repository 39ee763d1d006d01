package io.aiactops.logs;

/**
 * The canonical JSON of a stored payload written straight from the text the database gives back
 * (PostgreSQL's jsonb output, or the canonical text H2 keeps), without building a tree: keys
 * re-sorted in code point order, separators' spaces dropped, trailing zeros of decimals stripped.
 * Strings are copied as they are, since the database escapes exactly as {@link CanonicalJson}
 * does. Whatever is not in these common forms (an exponent, an escaped key, an escape the canonical
 * form would write differently, a duplicate key, very long numbers, deep nesting) makes it give up,
 * and the caller takes the general path: {@code CanonicalJson.write} of the parsed tree.
 */
final class StoredJson {

    private final String s;
    private final Utf8Buffer out;
    private int i;

    private StoredJson(String text, Utf8Buffer out) {
        this.s = text;
        this.out = out;
    }

    /** Appends the canonical form of {@code text} to {@code out}; false (and nothing appended) to give up. */
    static boolean canonical(String text, Utf8Buffer out) {
        int mark = out.length();
        StoredJson json = new StoredJson(text, out);
        if (json.value(0) && json.skipSpace() == text.length()) {
            return true;
        }
        out.truncate(mark);
        return false;
    }

    private int skipSpace() {
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private boolean value(int depth) {
        if (depth > CanonicalJson.MAX_DEPTH || skipSpace() == s.length()) {
            return false;
        }
        char c = s.charAt(i);
        return switch (c) {
            case '{' -> object(depth);
            case '[' -> array(depth);
            case '"' -> string(false);
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> c == '-' || (c >= '0' && c <= '9') ? number() : false;
        };
    }

    private boolean literal(String word) {
        if (!s.startsWith(word, i)) {
            return false;
        }
        out.ascii(word);
        i += word.length();
        return true;
    }

    /** A string literal, copied; for a key, escapes give up (keys are compared as they are written). */
    private boolean string(boolean key) {
        out.ascii('"');
        i++;
        int n = s.length();
        while (i < n) {
            int run = i;
            char c = s.charAt(i);
            while (c >= ' ' && c < 0x80 && c != '"' && c != '\\') {
                if (++i == n) {
                    return false;
                }
                c = s.charAt(i);
            }
            out.ascii(s, run, i);
            if (c == '"') {
                out.ascii('"');
                i++;
                return true;
            }
            if (c == '\\') {
                if (key || !escape()) {
                    return false;
                }
            } else if (c < ' ') {
                return false; // not JSON
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                out.codePoint(Character.toCodePoint(c, s.charAt(i + 1)));
                i += 2;
            } else if (Character.isSurrogate(c)) {
                return false; // unpaired: the general path names it
            } else {
                out.codePoint(c);
                i++;
            }
        }
        return false;
    }

    /** An escape exactly as {@code CanonicalJson.string} writes it: short forms, else lower-case \\u00xx. */
    private boolean escape() {
        if (i + 1 >= s.length()) {
            return false;
        }
        char e = s.charAt(i + 1);
        if ("\"\\bfnrt".indexOf(e) >= 0) {
            out.ascii(s, i, i + 2);
            i += 2;
            return true;
        }
        if (e != 'u' || i + 6 > s.length() || !s.startsWith("00", i + 2)) {
            return false;
        }
        int high = hex(s.charAt(i + 4));
        int low = hex(s.charAt(i + 5));
        int c = high << 4 | low;
        if (high < 0 || high > 1 || low < 0 || c == 0 || "\b\f\n\r\t".indexOf(c) >= 0) {
            return false; // NUL is refused, the short forms are written short
        }
        out.ascii(s, i, i + 6);
        i += 6;
        return true;
    }

    private static int hex(char c) {
        return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    }

    /** Plain decimal notation, trailing zeros of the fraction stripped, -0 as 0. */
    private boolean number() {
        int start = i;
        int n = s.length();
        if (s.charAt(i) == '-') {
            i++;
        }
        int digits = i;
        while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        if (i == digits || (s.charAt(digits) == '0' && i - digits > 1)) {
            return false;
        }
        int end = i;
        if (i < n && s.charAt(i) == '.') {
            int fraction = ++i;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
            }
            if (i == fraction) {
                return false;
            }
            end = i;
            while (s.charAt(end - 1) == '0') {
                end--;
            }
            if (end == fraction) {
                end--; // the dot
            }
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E') || i - start > 40) {
            return false;
        }
        if (end - start == 2 && s.charAt(start) == '-' && s.charAt(start + 1) == '0') {
            out.ascii('0');
        } else {
            out.ascii(s, start, end);
        }
        return true;
    }

    private boolean array(int depth) {
        out.ascii('[');
        i++;
        if (skipSpace() < s.length() && s.charAt(i) == ']') {
            out.ascii(']');
            i++;
            return true;
        }
        while (true) {
            if (!value(depth + 1) || skipSpace() == s.length()) {
                return false;
            }
            char c = s.charAt(i++);
            if (c == ']') {
                out.ascii(']');
                return true;
            }
            if (c != ',') {
                return false;
            }
            out.ascii(',');
        }
    }

    /**
     * Members are written one after the other as they come, then put back in key order with their
     * commas; most objects of PostgreSQL's jsonb come in another order (shorter keys first).
     */
    private boolean object(int depth) {
        int open = out.length();
        out.ascii('{');
        i++;
        if (skipSpace() < s.length() && s.charAt(i) == '}') {
            out.ascii('}');
            i++;
            return true;
        }
        // Per member: key start and end in the text, start and end in the output.
        int[] members = new int[32];
        int count = 0;
        while (true) {
            if (skipSpace() == s.length() || s.charAt(i) != '"') {
                return false;
            }
            if (count * 4 == members.length) {
                members = java.util.Arrays.copyOf(members, members.length * 2);
            }
            members[count * 4] = i + 1;
            members[count * 4 + 2] = out.length();
            if (!string(true)) {
                return false;
            }
            members[count * 4 + 1] = i - 1;
            if (skipSpace() == s.length() || s.charAt(i++) != ':') {
                return false;
            }
            out.ascii(':');
            if (!value(depth + 1)) {
                return false;
            }
            members[count * 4 + 3] = out.length();
            count++;
            if (skipSpace() == s.length()) {
                return false;
            }
            char c = s.charAt(i++);
            if (c == '}') {
                break;
            }
            if (c != ',') {
                return false;
            }
        }
        int[] order = new int[count];
        for (int m = 0; m < count; m++) {
            int at = m;
            while (at > 0) {
                int cmp = compareKeys(members, order[at - 1], m);
                if (cmp == 0) {
                    return false; // a duplicate key: the general path decides which one counts
                }
                if (cmp < 0) {
                    break;
                }
                order[at] = order[at - 1];
                at--;
            }
            order[at] = m;
        }
        byte[] written = java.util.Arrays.copyOfRange(out.bytes(), open + 1, out.length());
        out.truncate(open + 1);
        for (int m = 0; m < count; m++) {
            if (m > 0) {
                out.ascii(',');
            }
            int member = order[m];
            out.bytes(written, members[member * 4 + 2] - open - 1, members[member * 4 + 3] - members[member * 4 + 2]);
        }
        out.ascii('}');
        return true;
    }

    private int compareKeys(int[] members, int a, int b) {
        return CanonicalJson.compareCodePoints(s, members[a * 4], members[a * 4 + 1], s, members[b * 4],
                members[b * 4 + 1]);
    }
}
