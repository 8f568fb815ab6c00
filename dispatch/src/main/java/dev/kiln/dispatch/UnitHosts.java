package dev.kiln.dispatch;

import java.lang.invoke.MethodHandles;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The classes Kiln defined, each with the full-privilege lookup of the user's class it was
 * compiled for: {@link Bootstraps} serves only these. Kept apart from {@code Bootstraps} so
 * that defining a unit does not load the bootstraps (a unit that links nothing private never
 * needs them).
 */
final class UnitHosts {
  private static final Map<Class<?>, MethodHandles.Lookup> ADMITTED = new WeakHashMap<>();

  private UnitHosts() {}

  static synchronized void admit(Class<?> generated, MethodHandles.Lookup hostLookup) {
    ADMITTED.put(generated, hostLookup);
  }

  /** The host lookup of {@code generated}, or null if Kiln did not define it. */
  static synchronized MethodHandles.Lookup hostOf(Class<?> generated) {
    return ADMITTED.get(generated);
  }
}
