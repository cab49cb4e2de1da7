package io.fanzha.ledger.harness.verify;

import java.nio.file.Files;
import java.nio.file.Path;

/** {@code ./verify PACKAGE.zip}: exit 0 when intact, 1 with the first broken event otherwise. */
public final class Verify {

  private Verify() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 1 || !Files.isRegularFile(Path.of(args[0]))) {
      System.err.println("usage: ./verify PACKAGE.zip");
      System.exit(2);
    }
    YearPackageVerifier.Result result = new YearPackageVerifier().verify(Path.of(args[0]));
    if (result.intact()) {
      System.out.printf("intact: %d events, %d seals verified%n", result.events(), result.seals());
      System.exit(0);
    }
    System.out.printf(
        "BROKEN: %s%s%n",
        result.reason(),
        result.brokenEventId() == null
            ? ""
            : " — first broken event "
                + result.brokenEventId()
                + " at position "
                + result.brokenPosition());
    System.exit(1);
  }
}
