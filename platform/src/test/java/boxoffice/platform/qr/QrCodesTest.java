package boxoffice.platform.qr;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class QrCodesTest {
  @Test
  void thePngDecodesBackToTheText() throws Exception {
    String code = "3f2a9c0d41b7e85a6c1d0e9f2b3a4c5d";

    byte[] png = QrCodes.png(code);

    assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    assertThat(decode(png)).isEqualTo(code);
  }

  @Test
  void randomCodesAllDecodeBack() throws Exception {
    var random = new java.security.SecureRandom();
    for (int i = 0; i < 500; i++) {
      byte[] bytes = new byte[16];
      random.nextBytes(bytes);
      String code = java.util.HexFormat.of().formatHex(bytes);
      assertThat(decode(QrCodes.png(code))).isEqualTo(code);
    }
  }

  /** Reads the first QR code in a PNG image, as a scanner at the door would. */
  static String decode(byte[] png) throws Exception {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    int[] pixels =
        image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    var source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
    // A generated image, not a photo: read it as one. (The photo detector misses about 1 in 100
    // clean images of random codes; PURE_BARCODE reads all of them.)
    return new MultiFormatReader()
        .decode(
            new BinaryBitmap(new HybridBinarizer(source)),
            Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE))
        .getText();
  }
}
