package org.pallas.screening.importing;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.LongConsumer;

/** Computes the SHA-256 of everything read and reports the byte count as it goes. */
final class HashingInputStream extends FilterInputStream {
    private final MessageDigest digest;
    private final LongConsumer onBytes;
    private long bytes;

    HashingInputStream(InputStream in, LongConsumer onBytes) {
        super(in);
        this.onBytes = onBytes;
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            digest.update((byte) b);
            advance(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0) {
            digest.update(buf, off, n);
            advance(n);
        }
        return n;
    }

    private void advance(long n) {
        bytes += n;
        onBytes.accept(n);
    }

    /** Reads what is left so the hash covers the whole file even if a parser stopped early. */
    String finishHex() throws IOException {
        byte[] buf = new byte[8192];
        while (read(buf, 0, buf.length) > 0) {
            // drain
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    long bytes() {
        return bytes;
    }
}
