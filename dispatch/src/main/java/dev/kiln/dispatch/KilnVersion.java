package dev.kiln.dispatch;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The version the on-disk cache keys entries by: the release, plus the build's stamp (written
 * into the jar's manifest as {@code Implementation-Version: <version>+<stamp>}, and into
 * {@code build.properties} for classes run from a directory; failing both, a digest of the
 * classes that decide what code Kiln generates), so that a rebuilt Kiln never reuses another
 * build's classes.
 */
final class KilnVersion {
  static final String RELEASE = "0.1.0";
  private static final String[] GENERATOR_CLASSES = {
      "dev/kiln/frontend/IrBuilder.class", "dev/kiln/typing/TypeInference.class",
      "dev/kiln/lowering/MethodGenerator.class", "dev/kiln/lowering/ConversionLowering.class",
      "dev/kiln/lowering/ArithmeticLowering.class", "dev/kiln/lowering/ArrayLowering.class",
      "dev/kiln/lowering/ComparisonLowering.class", "dev/kiln/dispatch/UnitBuilder.class",
      "dev/kiln/dispatch/Compiler.class"};
  static final String ID = compute();

  private KilnVersion() {}

  private static String compute() {
    // the build stamps the jar's manifest: the class loader has read it already
    // (only Kiln's own manifest: shaded into an application's jar, the package has the
    // application's manifest, whose version says nothing of Kiln's build)
    Package pkg = KilnVersion.class.getPackage();
    String implementation = "Kiln".equals(pkg.getImplementationTitle())
        ? pkg.getImplementationVersion() : null;
    int plus = implementation == null ? -1 : implementation.indexOf('+');
    if (plus > 0 && plus < implementation.length() - 1) {
      return RELEASE + implementation.substring(plus);
    }
    // classes in a directory: the build stamps build.properties (resource filtering)
    try (InputStream in = KilnVersion.class.getResourceAsStream("build.properties")) {
      if (in != null) {
        java.util.Properties p = new java.util.Properties();
        p.load(in);
        String build = p.getProperty("build", "");
        if (!build.isBlank() && !build.startsWith("$")) {
          return RELEASE + "+" + build;
        }
      }
    } catch (IOException e) {
      // fall through to hashing the code generators
    }
    return GeneratorDigest.version();
  }

  /**
   * The last resort: a digest of the code generators' class files. A class of its own, so
   * that the usual paths (manifest, build.properties) load no security classes.
   */
  private static final class GeneratorDigest {
    static String version() {
      try {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        ClassLoader l = KilnVersion.class.getClassLoader();
        for (String resource : GENERATOR_CLASSES) {
          try (InputStream in = l == null ? null : l.getResourceAsStream(resource)) {
            if (in != null) {
              md.update(in.readAllBytes());
            }
          }
        }
        byte[] d = md.digest();
        StringBuilder sb = new StringBuilder(RELEASE).append('+');
        for (int i = 0; i < 6; i++) {
          sb.append(String.format("%02x", d[i]));
        }
        return sb.toString();
      } catch (IOException | NoSuchAlgorithmException e) {
        return RELEASE;
      }
    }
  }
}
