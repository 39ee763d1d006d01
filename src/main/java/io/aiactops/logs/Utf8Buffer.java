package io.aiactops.logs;

import java.util.Arrays;

/** A growable byte buffer that text is written to as UTF-8, reused from event to event. */
final class Utf8Buffer {

    private byte[] bytes = new byte[1024];
    private int length;

    byte[] bytes() {
        return bytes;
    }

    int length() {
        return length;
    }

    void truncate(int to) {
        length = to;
    }

    Utf8Buffer ascii(char c) {
        ensure(1);
        bytes[length++] = (byte) c;
        return this;
    }

    /** Characters below U+0080 only. */
    Utf8Buffer ascii(String text) {
        return ascii(text, 0, text.length());
    }

    Utf8Buffer ascii(String text, int from, int to) {
        ensure(to - from);
        for (int i = from; i < to; i++) {
            bytes[length++] = (byte) text.charAt(i);
        }
        return this;
    }

    Utf8Buffer decimal(long value) {
        return ascii(Long.toString(value));
    }

    /** Any text; a lone surrogate is written as '?', like {@link String#getBytes}. */
    Utf8Buffer text(String text) {
        int n = text.length();
        int ascii = 0;
        while (ascii < n && text.charAt(ascii) < 0x80) {
            ascii++;
        }
        ascii(text, 0, ascii);
        return ascii == n ? this : bytes(text.substring(ascii).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    Utf8Buffer bytes(byte[] more) {
        return bytes(more, 0, more.length);
    }

    Utf8Buffer bytes(byte[] more, int from, int count) {
        ensure(count);
        System.arraycopy(more, from, bytes, length, count);
        length += count;
        return this;
    }

    /** One code point of U+0080 or above, given as a char or a surrogate pair. */
    Utf8Buffer codePoint(int cp) {
        ensure(4);
        if (cp < 0x800) {
            bytes[length++] = (byte) (0xC0 | cp >> 6);
        } else if (cp < 0x10000) {
            bytes[length++] = (byte) (0xE0 | cp >> 12);
            bytes[length++] = (byte) (0x80 | cp >> 6 & 0x3F);
        } else {
            bytes[length++] = (byte) (0xF0 | cp >> 18);
            bytes[length++] = (byte) (0x80 | cp >> 12 & 0x3F);
            bytes[length++] = (byte) (0x80 | cp >> 6 & 0x3F);
        }
        bytes[length++] = (byte) (0x80 | cp & 0x3F);
        return this;
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
