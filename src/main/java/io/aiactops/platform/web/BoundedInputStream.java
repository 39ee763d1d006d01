package io.aiactops.platform.web;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Fails once more than {@code limit} bytes were read, so a huge body is refused without buffering it. */
public final class BoundedInputStream extends FilterInputStream {

    /** The body went past the limit; answered with 413. */
    public static final class LimitExceeded extends IOException {
        LimitExceeded(long limit) {
            super("the request body is larger than " + limit + " bytes");
        }
    }

    private final long limit;
    private long count;

    public BoundedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(int n) throws LimitExceeded {
        count += n;
        if (count > limit) {
            throw new LimitExceeded(limit);
        }
    }
}
