package dev.kiln.agent;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The agent's diagnostics on standard error: each distinct report once; debug lines on demand. */
final class AgentLog {
  private static final Set<String> REPORTED = ConcurrentHashMap.newKeySet();

  private AgentLog() {}

  /** Prints {@code "[kiln] agent: " + message} the first time {@code key} is reported. */
  static void once(String key, String message) {
    if (REPORTED.add(key)) {
      System.err.println("[kiln] agent: " + message);
    }
  }

  static void debug(String message) {
    if (debugEnabled()) {
      System.err.println("[kiln] agent: " + message);
    }
  }

  /** {@code -Dkiln.debug=true} or {@code KILN_DEBUG=1}, as the rest of Kiln reads it. */
  static boolean debugEnabled() {
    String v = System.getProperty("kiln.debug");
    if (v == null) {
      v = System.getenv("KILN_DEBUG");
    }
    if (v == null) {
      return false;
    }
    v = v.strip().toLowerCase(Locale.ROOT);
    return v.equals("1") || v.equals("true") || v.equals("yes") || v.equals("on");
  }

  /** A one-line description of a throwable and its first cause. */
  static String describe(Throwable t) {
    StringBuilder sb = new StringBuilder(String.valueOf(t));
    Throwable c = t.getCause();
    if (c != null && c != t) {
      sb.append(" (caused by ").append(c).append(')');
    }
    return sb.toString();
  }
}
