import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Draws the application icon (three linked rings, 三链, on the house blue) and writes it as
 * assets/icon.png (256 px, Linux), assets/icon.ico (16-256 px, Windows) and assets/icon.icns
 * (macOS). Run once from the project root when the icon changes, and commit what it writes:
 *   java packaging/IconMaker.java
 */
public final class IconMaker {

    public static void main(String[] args) throws IOException {
        Path assets = Path.of(args.length > 0 ? args[0] : "assets");
        Files.createDirectories(assets);
        Files.write(assets.resolve("icon.png"), png(draw(256)));
        int[] icoSizes = {16, 32, 48, 64, 128, 256};
        byte[][] icoImages = new byte[icoSizes.length][];
        for (int i = 0; i < icoSizes.length; i++) {
            icoImages[i] = png(draw(icoSizes[i]));
        }
        Files.write(assets.resolve("icon.ico"), ico(icoSizes, icoImages));
        Files.write(assets.resolve("icon.icns"), icns(png(draw(256)), png(draw(512)), png(draw(1024))));
    }

    static BufferedImage draw(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        double s = size / 256.0;
        g.setColor(new Color(0x264478));
        g.fill(new RoundRectangle2D.Double(8 * s, 8 * s, 240 * s, 240 * s, 56 * s, 56 * s));
        Color[] rings = {new Color(0x5B9BD5), new Color(0xFFC000), new Color(0x70AD47)};
        double[][] centres = {{96, 104}, {160, 104}, {128, 160}};
        g.setStroke(new BasicStroke((float) (18 * s)));
        for (int i = 0; i < 3; i++) {
            g.setColor(rings[i]);
            double r = 50;
            g.draw(new Ellipse2D.Double((centres[i][0] - r) * s, (centres[i][1] - r) * s, 2 * r * s, 2 * r * s));
        }
        g.dispose();
        return image;
    }

    static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** An ICO file whose images are PNGs (read by Windows Vista and later). */
    static byte[] ico(int[] sizes, byte[][] images) {
        int header = 6 + 16 * sizes.length;
        int total = header;
        for (byte[] b : images) {
            total += b.length;
        }
        ByteBuffer buf = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        buf.putShort((short) 0).putShort((short) 1).putShort((short) sizes.length);
        int offset = header;
        for (int i = 0; i < sizes.length; i++) {
            int px = sizes[i] >= 256 ? 0 : sizes[i];
            buf.put((byte) px).put((byte) px).put((byte) 0).put((byte) 0);
            buf.putShort((short) 1).putShort((short) 32);
            buf.putInt(images[i].length).putInt(offset);
            offset += images[i].length;
        }
        for (byte[] b : images) {
            buf.put(b);
        }
        return buf.array();
    }

    /** An ICNS file with PNG entries: ic08 (256), ic09 (512), ic10 (1024). */
    static byte[] icns(byte[] p256, byte[] p512, byte[] p1024) {
        String[] types = {"ic08", "ic09", "ic10"};
        byte[][] images = {p256, p512, p1024};
        int total = 8;
        for (byte[] b : images) {
            total += 8 + b.length;
        }
        ByteBuffer buf = ByteBuffer.allocate(total).order(ByteOrder.BIG_ENDIAN);
        buf.put("icns".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(total);
        for (int i = 0; i < images.length; i++) {
            buf.put(types[i].getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(8 + images[i].length);
            buf.put(images[i]);
        }
        return buf.array();
    }
}
