package dev.kiln.dispatch;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Kiln's diagnostics: debug lines when asked for, warnings once per distinct message. */
final class Log {
  private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

  private Log() {}

  static void debug(String message) {
    if (KilnConfig.debug()) {
      System.err.println("[kiln] " + message);
    }
  }

  /** Prints a warning the first time it is given; returns whether it was new. */
  static boolean warnOnce(String message) {
    if (WARNED.add(message)) {
      System.err.println("[kiln] WARNING: " + message);
      return true;
    }
    return false;
  }
}
