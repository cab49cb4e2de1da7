package io.fanzha.ledger.harness.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class EvidencePhotoTest {

  @Test
  void aPngPhotoIsASmallPngOfTheAskedSize() throws Exception {
    byte[] bytes = new EvidencePhoto(1, "png", 320, 240).bytes();

    assertThat(bytes).startsWith(0x89, 'P', 'N', 'G');
    assertThat(bytes.length).isBetween(1_000, 40_000);
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
    assertThat(image.getWidth()).isEqualTo(320);
    assertThat(image.getHeight()).isEqualTo(240);
  }

  @Test
  void aJpegPhotoIsASmallJpeg() {
    byte[] bytes = new EvidencePhoto(2, "jpeg", 320, 240).bytes();

    assertThat(bytes).startsWith(0xFF, 0xD8, 0xFF);
    assertThat(bytes.length).isBetween(1_000, 40_000);
  }

  @Test
  void theSameSeedDrawsTheSameBytesAndAnotherSeedOthers() {
    assertThat(new EvidencePhoto(3, "jpeg", 320, 240).bytes())
        .isEqualTo(new EvidencePhoto(3, "jpeg", 320, 240).bytes());
    assertThat(new EvidencePhoto(3, "png", 320, 240).bytes())
        .isNotEqualTo(new EvidencePhoto(4, "png", 320, 240).bytes());
  }
}
