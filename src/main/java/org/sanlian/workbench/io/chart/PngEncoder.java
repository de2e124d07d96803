package org.sanlian.workbench.io.chart;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A small, fast PNG writer for chart pictures: 8-bit RGB, no filter, deflate at level 1. Charts are
 * large flat areas, so this is about as small as ImageIO's output and five to ten times faster
 * (ImageIO spent about 17 ms per 1080 x 540 chart, most of the picture time of a large export).
 */
final class PngEncoder {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private PngEncoder() {
    }

    static byte[] encode(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] argb = image.getType() == BufferedImage.TYPE_INT_RGB || image.getType() == BufferedImage.TYPE_INT_ARGB
                ? ((DataBufferInt) image.getRaster().getDataBuffer()).getData() : image.getRGB(0, 0, w, h, null, 0, w);
        byte[] line = new byte[1 + 3 * w];
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        ByteArrayOutputStream idat = new ByteArrayOutputStream(w * h / 4);
        byte[] chunk = new byte[64 * 1024];
        try {
            for (int y = 0; y < h; y++) {
                line[0] = 0; // filter: none
                int p = 1;
                for (int x = 0, i = y * w; x < w; x++, i++) {
                    int c = argb[i];
                    line[p++] = (byte) (c >> 16);
                    line[p++] = (byte) (c >> 8);
                    line[p++] = (byte) c;
                }
                deflater.setInput(line);
                while (!deflater.needsInput()) {
                    idat.write(chunk, 0, deflater.deflate(chunk));
                }
            }
            deflater.finish();
            while (!deflater.finished()) {
                idat.write(chunk, 0, deflater.deflate(chunk));
            }
        } finally {
            deflater.end();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(idat.size() + 64);
        out.writeBytes(SIGNATURE);
        ByteBuffer header = ByteBuffer.allocate(13);
        header.putInt(w).putInt(h).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", header.array());
        chunk(out, "IDAT", idat.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(t);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
