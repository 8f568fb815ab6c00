package dev.kiln.dispatch;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Kiln's switches, read from system properties ({@code kiln.*}) or, failing those, the
 * environment ({@code KILN_*}), as Numba reads {@code NUMBA_*}.
 */
final class KilnConfig {
  private KilnConfig() {}

  /** {@code -Dkiln.disable=true} / {@code KILN_DISABLE_JIT=1}: run every original unchanged. */
  static boolean disabled() {
    return flag("kiln.disable", "KILN_DISABLE_JIT");
  }

  /** {@code -Dkiln.debug=true} / {@code KILN_DEBUG=1}: log compile and link decisions. */
  static boolean debug() {
    return flag("kiln.debug", "KILN_DEBUG");
  }

  /** {@code -Dkiln.cache=true} / {@code KILN_CACHE=1}: cache every method, as if
   * {@code @Jit(cache = true)}. */
  static boolean cacheAll() {
    return flag("kiln.cache", "KILN_CACHE");
  }

  /** {@code -Dkiln.verify=true}: check every generated class with ASM's CheckClassAdapter. */
  static boolean verify() {
    return flag("kiln.verify", "KILN_VERIFY");
  }

  /** {@code -Dkiln.dump=DIR} / {@code KILN_DUMP}: write generated classes there. */
  static Path dumpDir() {
    String v = value("kiln.dump", "KILN_DUMP");
    return v == null || v.isBlank() ? null : Path.of(v);
  }

  private static String value(String property, String env) {
    String v = System.getProperty(property);
    return v != null ? v : System.getenv(env);
  }

  private static boolean flag(String property, String env) {
    String v = value(property, env);
    if (v == null) {
      return false;
    }
    v = v.strip().toLowerCase(Locale.ROOT);
    return v.equals("1") || v.equals("true") || v.equals("yes") || v.equals("on");
  }
}
