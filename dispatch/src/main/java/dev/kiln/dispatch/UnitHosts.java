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
  /** What {@link #admit} is handing over on this thread. */
  private static final ThreadLocal<Host> ADMITTING = new ThreadLocal<>();

  private static final ClassValue<Host> HOSTS = new ClassValue<>() {
    @Override
    protected Host computeValue(Class<?> c) {
      Host h = ADMITTING.get();
      return h != null ? h : new Host(null, null);
    }
  };

  /**
   * A generated class's host lookup (null for a class Kiln did not define) and, for a typed
   * entry of {@code Dispatcher.as}, its dispatcher (held here, by the entry class, rather than
   * in a registry that would keep every dispatcher and its loader for ever).
   */
  private record Host(MethodHandles.Lookup lookup, JitDispatcher dispatcher) {}

  private UnitHosts() {}

  static void admit(Class<?> generated, MethodHandles.Lookup hostLookup) {
    admit(generated, hostLookup, null);
  }

  /** Admits a typed entry of {@code dispatcher}. */
  static void admit(Class<?> generated, MethodHandles.Lookup hostLookup,
                    JitDispatcher dispatcher) {
    ADMITTING.set(new Host(hostLookup, dispatcher));
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

  /** The dispatcher of a typed entry class, or null. */
  static JitDispatcher dispatcherOf(Class<?> entry) {
    return HOSTS.get(entry).dispatcher();
  }
}
