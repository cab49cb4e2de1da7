package io.fanzha.ledger.harness.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * A small picture of a publicity stand (sky, a red banner, a desk, a few people), drawn from a
 * seed: the same seed gives the same bytes, so a repeated upload is the same file. No text is
 * drawn, so no font is needed.
 *
 * @param format {@code png} or {@code jpeg}
 */
public record EvidencePhoto(long seed, String format, int width, int height) {

  public EvidencePhoto {
    if (!format.equals("png") && !format.equals("jpeg")) {
      throw new IllegalArgumentException("png or jpeg, not " + format);
    }
  }

  public String mediaType() {
    return "image/" + format;
  }

  public String extension() {
    return format.equals("png") ? "png" : "jpg";
  }

  /** The encoded image. */
  public byte[] bytes() {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      draw(g, new Random(seed));
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
    try {
      if (!ImageIO.write(image, format, out)) {
        throw new IllegalStateException("no ImageIO writer for " + format);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private void draw(Graphics2D g, Random random) {
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    int horizon = height * (55 + random.nextInt(10)) / 100;
    g.setPaint(
        new GradientPaint(
            0,
            0,
            new Color(110 + random.nextInt(40), 170 + random.nextInt(40), 230),
            0,
            horizon,
            new Color(200, 225, 245)));
    g.fillRect(0, 0, width, horizon);
    g.setColor(new Color(150 + random.nextInt(40), 150 + random.nextInt(30), 140));
    g.fillRect(0, horizon, width, height - horizon);

    // the banner (横幅) between two poles, with stripes standing in for its slogan
    int bannerTop = height / 8 + random.nextInt(height / 10);
    int bannerLeft = width / 10;
    int bannerWidth = width * 8 / 10;
    int bannerHeight = height / 7;
    g.setColor(new Color(90, 70, 50));
    g.setStroke(new BasicStroke(3));
    g.drawLine(bannerLeft, bannerTop, bannerLeft, horizon + 10);
    g.drawLine(bannerLeft + bannerWidth, bannerTop, bannerLeft + bannerWidth, horizon + 10);
    g.setColor(new Color(200 + random.nextInt(30), 20, 30));
    g.fillRect(bannerLeft, bannerTop, bannerWidth, bannerHeight);
    g.setColor(new Color(250, 230, 120));
    int glyphs = 8 + random.nextInt(6);
    int glyphWidth = bannerWidth / (glyphs + 2);
    for (int i = 0; i < glyphs; i++) {
      g.fillRect(
          bannerLeft + glyphWidth * (i + 1) + 2,
          bannerTop + bannerHeight / 4,
          glyphWidth - 4,
          bannerHeight / 2);
    }

    // the consultation desk with its leaflets
    int deskTop = horizon + (height - horizon) / 5;
    g.setColor(new Color(40, 80, 160));
    g.fillRect(width / 4, deskTop, width / 2, (height - horizon) / 4);
    g.setColor(Color.WHITE);
    for (int i = 0; i < 5; i++) {
      g.fillRect(width / 4 + 6 + i * (width / 11), deskTop - 4, width / 16, 5);
    }

    // people around the desk
    int people = 4 + random.nextInt(6);
    for (int i = 0; i < people; i++) {
      int x = random.nextInt(width - 20) + 5;
      int feet = horizon + random.nextInt(Math.max(1, height - horizon - 5)) + 5;
      int tall = height / 4 + random.nextInt(height / 8);
      g.setColor(new Color(random.nextInt(200), random.nextInt(200), random.nextInt(200)));
      g.fillRoundRect(x, feet - tall * 3 / 4, tall / 4, tall * 3 / 4, 6, 6);
      g.setColor(new Color(235, 200, 170));
      g.fillOval(x - 1, feet - tall, tall / 4 + 2, tall / 4 + 2);
    }
  }
}
