package dev.kiln.dispatch;

/**
 * The superclass of compiled units, giving each a generic entry, {@link #invoke}: the
 * arguments in an array (receiver first), converted as {@code Method.invoke} converts them,
 * and the result boxed ({@code null} for void). {@code Dispatcher.invoke} calls it.
 *
 * <p>Why not a method handle: adapting a handle to {@code (Object[])Object} (spreader, then
 * {@code asType}) spins a dozen lambda-form classes on the first call of a JVM, about 10 ms
 * of a warm start; an ordinary virtual call spins nothing. A unit's static initializer makes
 * its one instance, and this constructor hands it to the thread that initialized the class
 * (see {@link #initialize}), so no reflection or method handle is needed to get it.
 *
 * <p>Public only because generated classes in other packages extend it; not an API.
 */
public abstract class UnitInvoker {
  /**
   * While {@link #initialize} runs on a thread: the slot its unit's instance goes to. Unset
   * otherwise, so an instance made any other way is not kept (nor its class loader pinned).
   */
  private static final ThreadLocal<UnitInvoker[]> SLOT = new ThreadLocal<>();

  protected UnitInvoker() {
    UnitInvoker[] slot = SLOT.get();
    if (slot != null && slot[0] == null) {
      slot[0] = this;
    }
  }

  /** Runs the unit's entry with {@code args}. */
  public abstract Object invoke(Object[] args) throws Throwable;

  /**
   * Starts {@code unit}, a class just defined through {@code lookup} from {@code bytes},
   * compiled now or loaded from the cache: admits it to its host lookup ({@link UnitHosts}) if
   * it calls Kiln's bootstraps, which a unit that never names {@code Bootstraps} cannot (so a
   * warm start of such units loads no {@code UnitHosts}), then initializes it and returns its
   * generic entry: the instance its static initializer made. {@code null} if it has none (it
   * does not extend this class): calls then go through its method handle.
   */
  static UnitInvoker start(java.lang.invoke.MethodHandles.Lookup lookup, Class<?> unit,
                           byte[] bytes) {
    // a compile-time constant: naming it loads no lowering class
    if (dev.kiln.frontend.ClassFileReader.mentions(bytes,
        dev.kiln.lowering.CompileUnit.BOOTSTRAPS)) {
      UnitHosts.admit(unit, lookup);
    }
    return initialize(lookup, unit);
  }

  private static UnitInvoker initialize(java.lang.invoke.MethodHandles.Lookup lookup,
                                        Class<?> unit) {
    if (unit.getSuperclass() != UnitInvoker.class) {
      return null;
    }
    UnitInvoker[] slot = new UnitInvoker[1];
    SLOT.set(slot);
    try {
      lookup.ensureInitialized(unit);
    } catch (ReflectiveOperationException e) { // IllegalAccessException; see CallErrors
      return null;
    } finally {
      SLOT.remove();
    }
    return slot[0] != null && slot[0].getClass() == unit ? slot[0] : null;
  }

  /** Whether units compiled for {@code owner} (defined in its loader and module) can extend
   * this class. */
  static boolean visibleFrom(Class<?> owner) {
    try {
      return Class.forName(UnitInvoker.class.getName(), false, owner.getClassLoader())
          == UnitInvoker.class && owner.getModule().canRead(UnitInvoker.class.getModule());
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  // ---------------------------------------------------------------- argument conversions
  // An argument for a primitive parameter: its box, widened as Method.invoke widens (the
  // dispatcher has checked that it converts). Anything else is a ClassCastException.

  protected static boolean asBoolean(Object o) {
    return (Boolean) o;
  }

  protected static byte asByte(Object o) {
    return (Byte) o;
  }

  protected static char asChar(Object o) {
    return (Character) o;
  }

  protected static short asShort(Object o) {
    if (o instanceof Byte b) {
      return b;
    }
    return (Short) o;
  }

  protected static int asInt(Object o) {
    if (o instanceof Integer i) {
      return i;
    }
    if (o instanceof Character c) {
      return c;
    }
    return asShort(o);
  }

  protected static long asLong(Object o) {
    if (o instanceof Long l) {
      return l;
    }
    return asInt(o);
  }

  protected static float asFloat(Object o) {
    if (o instanceof Float f) {
      return f;
    }
    return asLong(o); // long to float: rounds, as Method.invoke does
  }

  protected static double asDouble(Object o) {
    if (o instanceof Double d) {
      return d;
    }
    if (o instanceof Float f) {
      return f;
    }
    return asLong(o); // not `cond ? f : asLong(o)`: that is a float (JLS 15.25), losing digits
  }
}
