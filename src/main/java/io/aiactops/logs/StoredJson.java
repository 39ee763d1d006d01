package io.aiactops.logs;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The canonical JSON of a stored payload written straight from the text the database gives back
 * (PostgreSQL's jsonb output, or the canonical text H2 keeps), without building a tree: keys
 * re-sorted in code point order, separators' spaces dropped, trailing zeros of decimals stripped.
 * It works on the UTF-8 bytes, whose order is code point order. Strings are copied as they are,
 * since the database escapes exactly as {@link CanonicalJson} does. Whatever is not in these common
 * forms (an exponent, an escaped key, an escape the canonical form would write differently, a
 * duplicate key, very long numbers, deep nesting) makes it give up, and the caller takes the general
 * path: {@code CanonicalJson.write} of the parsed tree. One instance serves a whole chain.
 */
final class StoredJson {

    private byte[] s;
    private int n;
    private int i;
    private Utf8Buffer out;
    /** The members of an object being reordered, per nesting depth: key start and end, output start and end. */
    private int[][] members = new int[8][];
    private byte[] reordered = new byte[1024];

    /** Appends the canonical form of {@code text} to {@code out}; false (and nothing appended) to give up. */
    boolean canonical(String text, Utf8Buffer out) {
        this.s = text.getBytes(StandardCharsets.UTF_8);
        this.n = s.length;
        this.i = 0;
        this.out = out;
        int mark = out.length();
        if (value(0) && skipSpace() == n) {
            return true;
        }
        out.truncate(mark);
        return false;
    }

    private int skipSpace() {
        while (i < n && s[i] == ' ') {
            i++;
        }
        return i;
    }

    private boolean value(int depth) {
        if (depth > CanonicalJson.MAX_DEPTH || skipSpace() == n) {
            return false;
        }
        byte c = s[i];
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
        int length = word.length();
        if (i + length > n) {
            return false;
        }
        for (int k = 0; k < length; k++) {
            if (s[i + k] != word.charAt(k)) {
                return false;
            }
        }
        out.bytes(s, i, length);
        i += length;
        return true;
    }

    /** A string literal, copied; for a key, escapes give up (keys are compared as they are written). */
    private boolean string(boolean key) {
        int run = i++;
        while (i < n) {
            byte c = s[i];
            if (c == '"') {
                out.bytes(s, run, ++i - run);
                return true;
            }
            if (c == '\\') {
                out.bytes(s, run, i - run);
                if (key || !escape()) {
                    return false;
                }
                run = i;
            } else if (c >= 0 && c < ' ') {
                return false; // not JSON
            } else {
                i++; // printable ASCII, or a byte of a UTF-8 sequence: copied as it is
            }
        }
        return false;
    }

    /** An escape exactly as {@code CanonicalJson.string} writes it: short forms, else lower-case \\u00xx. */
    private boolean escape() {
        if (i + 1 >= n) {
            return false;
        }
        byte e = s[i + 1];
        int length;
        if (e == '"' || e == '\\' || e == 'b' || e == 'f' || e == 'n' || e == 'r' || e == 't') {
            length = 2;
        } else {
            if (e != 'u' || i + 6 > n || s[i + 2] != '0' || s[i + 3] != '0') {
                return false;
            }
            int high = hex(s[i + 4]);
            int low = hex(s[i + 5]);
            int c = high << 4 | low;
            if (high < 0 || high > 1 || low < 0 || c == 0 || c == '\b' || c == '\f' || c == '\n' || c == '\r'
                    || c == '\t') {
                return false; // NUL is refused, the short forms are written short
            }
            length = 6;
        }
        out.bytes(s, i, length);
        i += length;
        return true;
    }

    private static int hex(byte c) {
        return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    }

    /** Plain decimal notation, trailing zeros of the fraction stripped, -0 as 0. */
    private boolean number() {
        int start = i;
        if (s[i] == '-') {
            i++;
        }
        int digits = i;
        while (i < n && s[i] >= '0' && s[i] <= '9') {
            i++;
        }
        if (i == digits || (s[digits] == '0' && i - digits > 1)) {
            return false;
        }
        int end = i;
        if (i < n && s[i] == '.') {
            int fraction = ++i;
            while (i < n && s[i] >= '0' && s[i] <= '9') {
                i++;
            }
            if (i == fraction) {
                return false;
            }
            end = i;
            while (s[end - 1] == '0') {
                end--;
            }
            if (end == fraction) {
                end--; // the dot
            }
        }
        if (i < n && (s[i] == 'e' || s[i] == 'E') || i - start > 40) {
            return false;
        }
        if (end - start == 2 && s[start] == '-' && s[start + 1] == '0') {
            out.ascii('0');
        } else {
            out.bytes(s, start, end - start);
        }
        return true;
    }

    private boolean array(int depth) {
        out.ascii('[');
        i++;
        if (skipSpace() < n && s[i] == ']') {
            out.ascii(']');
            i++;
            return true;
        }
        while (true) {
            if (!value(depth + 1) || skipSpace() == n) {
                return false;
            }
            byte c = s[i++];
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
        if (skipSpace() < n && s[i] == '}') {
            out.ascii('}');
            i++;
            return true;
        }
        int[] m = members(depth, 32);
        int count = 0;
        while (true) {
            if (skipSpace() == n || s[i] != '"') {
                return false;
            }
            m = members(depth, count * 4 + 4);
            m[count * 4] = i + 1;
            m[count * 4 + 2] = out.length();
            if (!string(true)) {
                return false;
            }
            m[count * 4 + 1] = i - 1;
            if (skipSpace() == n || s[i++] != ':') {
                return false;
            }
            out.ascii(':');
            if (!value(depth + 1)) {
                return false;
            }
            m[count * 4 + 3] = out.length();
            count++;
            if (skipSpace() == n) {
                return false;
            }
            byte c = s[i++];
            if (c == '}') {
                break;
            }
            if (c != ',') {
                return false;
            }
        }
        return reorder(m, count, open);
    }

    private boolean reorder(int[] m, int count, int open) {
        int[] order = new int[count];
        for (int k = 0; k < count; k++) {
            int at = k;
            while (at > 0) {
                int a = order[at - 1];
                int cmp = Arrays.compareUnsigned(s, m[a * 4], m[a * 4 + 1], s, m[k * 4], m[k * 4 + 1]);
                if (cmp == 0) {
                    return false; // a duplicate key: the general path decides which one counts
                }
                if (cmp < 0) {
                    break;
                }
                order[at] = a;
                at--;
            }
            order[at] = k;
        }
        int length = out.length() - open - 1;
        if (reordered.length < length) {
            reordered = new byte[Math.max(length, reordered.length * 2)];
        }
        System.arraycopy(out.bytes(), open + 1, reordered, 0, length);
        out.truncate(open + 1);
        for (int k = 0; k < count; k++) {
            if (k > 0) {
                out.ascii(',');
            }
            int member = order[k];
            out.bytes(reordered, m[member * 4 + 2] - open - 1, m[member * 4 + 3] - m[member * 4 + 2]);
        }
        out.ascii('}');
        return true;
    }

    /** The member array of this depth, with room for {@code size} ints. */
    private int[] members(int depth, int size) {
        if (depth >= members.length) {
            members = Arrays.copyOf(members, Math.max(depth + 1, members.length * 2));
        }
        int[] m = members[depth];
        if (m == null || m.length < size) {
            m = m == null ? new int[Math.max(size, 32)] : Arrays.copyOf(m, Math.max(size, m.length * 2));
            members[depth] = m;
        }
        return m;
    }
}
