package org.sanlian.workbench.io.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 and refuses bytes that are not UTF-8 (a file saved as GBK, say). Unlike
 * {@link java.io.InputStreamReader} with a reporting decoder, it first hands out every character
 * decoded before the bad bytes and only then throws, so the caller knows the exact line. A file
 * that starts as UTF-16 does (a byte-order mark FF FE or FE FF, or a zero byte in its first two)
 * is refused at once with {@link Utf16}, so that the message can name the encoding it is in.
 */
final class StrictUtf8Reader extends Reader {

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(8192);
    private boolean endOfInput;
    private boolean flushed;
    private CoderResult error;
    private boolean started;

    /** The bytes are UTF-16 (Windows' "Unicode"), not UTF-8. */
    static final class Utf16 extends CharacterCodingException {
        private static final long serialVersionUID = 1L;
    }

    StrictUtf8Reader(InputStream in) {
        this.in = in;
        bytes.limit(0);
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        CharBuffer out = CharBuffer.wrap(cbuf, off, len);
        while (true) {
            if (error != null) {
                if (out.position() > off) {
                    return out.position() - off;
                }
                error.throwException();
            }
            if (flushed) {
                return out.position() > off ? out.position() - off : -1;
            }
            CoderResult r = decoder.decode(bytes, out, endOfInput);
            if (r.isError()) {
                error = r;
                continue;
            }
            if (r.isOverflow()) {
                return out.position() - off;
            }
            if (endOfInput) {
                CoderResult f = decoder.flush(out);
                if (f.isOverflow()) {
                    return out.position() - off;
                }
                flushed = true;
                continue;
            }
            if (out.position() > off) {
                return out.position() - off;
            }
            fill();
        }
    }

    private void fill() throws IOException {
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
            endOfInput = true;
        } else {
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
        if (!started && (bytes.remaining() >= 2 || endOfInput)) {
            started = true;
            if (looksUtf16(bytes)) {
                throw new Utf16();
            }
        }
    }

    /** A UTF-16 byte-order mark, or the zero byte that ASCII text in UTF-16 has in its first two. */
    static boolean looksUtf16(ByteBuffer start) {
        if (start.remaining() < 2) {
            return false;
        }
        int b0 = start.get(start.position()) & 0xFF;
        int b1 = start.get(start.position() + 1) & 0xFF;
        return b0 == 0xFF && b1 == 0xFE || b0 == 0xFE && b1 == 0xFF || b0 == 0 || b1 == 0;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
