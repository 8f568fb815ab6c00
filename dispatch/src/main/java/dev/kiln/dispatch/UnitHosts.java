package dev.kiln.dispatch;

import java.lang.invoke.MethodHandles;

/**
 * The classes Kiln defined, each with the full-privilege lookup of the user's class it was
 * compiled for: {@link Bootstraps} serves only these. Kept apart from {@code Bootstraps} so
 * that defining a unit does not load the bootstraps (a unit that links nothing private never
 * needs them).
 *
 * <p>A {@code ClassValue}, not a map keyed by the unit: the lookup reaches the user's class
 * loader, which holds the unit, so a map in Kiln would keep that loader alive for ever; a
 * class value lives and dies with the unit.
 */
final class UnitHosts {
  /** The lookup {@link #admit} is handing over on this thread. */
  private static final ThreadLocal<MethodHandles.Lookup> ADMITTING = new ThreadLocal<>();

  private static final ClassValue<Host> HOSTS = new ClassValue<>() {
    @Override
    protected Host computeValue(Class<?> c) {
      return new Host(ADMITTING.get());
    }
  };

  /** A unit's host lookup, or null for a class Kiln did not define. */
  private record Host(MethodHandles.Lookup lookup) {}

  private UnitHosts() {}

  static void admit(Class<?> generated, MethodHandles.Lookup hostLookup) {
    ADMITTING.set(hostLookup);
    try {
      HOSTS.remove(generated);
      HOSTS.get(generated);
    } finally {
      ADMITTING.remove();
    }
  }

  /** The host lookup of {@code generated}, or null if Kiln did not define it. */
  static MethodHandles.Lookup hostOf(Class<?> generated) {
    return HOSTS.get(generated).lookup();
  }
}
