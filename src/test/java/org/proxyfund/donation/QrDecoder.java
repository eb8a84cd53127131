package org.proxyfund.donation;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads back the QR codes QrSvg draws: rasterises the SVG's 1x1 module squares and decodes them with ZXing. */
final class QrDecoder {

    private static final Pattern VIEWBOX = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");
    private static final Pattern MODULE = Pattern.compile("M(\\d+),(\\d+)h1v1h-1z");

    private QrDecoder() {
    }

    static String decode(String svg) throws Exception {
        Matcher vb = VIEWBOX.matcher(svg);
        if (!vb.find()) {
            throw new AssertionError("no viewBox in " + svg);
        }
        int size = Integer.parseInt(vb.group(1));
        int scale = 4;
        int px = size * scale;
        int[] pixels = new int[px * px];
        java.util.Arrays.fill(pixels, 0xFFFFFFFF);
        Matcher m = MODULE.matcher(svg);
        while (m.find()) {
            int x = Integer.parseInt(m.group(1));
            int y = Integer.parseInt(m.group(2));
            for (int dy = 0; dy < scale; dy++) {
                for (int dx = 0; dx < scale; dx++) {
                    pixels[(y * scale + dy) * px + x * scale + dx] = 0xFF000000;
                }
            }
        }
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(px, px, pixels)));
        return new QRCodeReader().decode(bitmap).getText();
    }
}
