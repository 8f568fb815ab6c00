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
  /** The instance the last unit initialized on this thread made. */
  private static final ThreadLocal<UnitInvoker> MADE = new ThreadLocal<>();

  protected UnitInvoker() {
    MADE.set(this);
  }

  /** Runs the unit's entry with {@code args}. */
  public abstract Object invoke(Object[] args) throws Throwable;

  /**
   * Initializes {@code unit}, a class just defined through {@code lookup}, and returns its
   * generic entry: the instance its static initializer made. {@code null} if it has none (it
   * does not extend this class): calls then go through its method handle.
   */
  static UnitInvoker initialize(java.lang.invoke.MethodHandles.Lookup lookup, Class<?> unit) {
    if (unit.getSuperclass() != UnitInvoker.class) {
      return null;
    }
    MADE.remove();
    try {
      lookup.ensureInitialized(unit);
    } catch (IllegalAccessException e) {
      return null;
    }
    UnitInvoker made = MADE.get();
    MADE.remove();
    return made != null && made.getClass() == unit ? made : null;
  }

  /** Whether units for classes of {@code loader} can extend this class. */
  static boolean visibleFrom(ClassLoader loader) {
    try {
      return Class.forName(UnitInvoker.class.getName(), false, loader) == UnitInvoker.class;
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
    return o instanceof Byte b ? b : (Short) o;
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
    return o instanceof Long l ? l : asInt(o);
  }

  protected static float asFloat(Object o) {
    return o instanceof Float f ? f : asLong(o);
  }

  protected static double asDouble(Object o) {
    if (o instanceof Double d) {
      return d;
    }
    return o instanceof Float f ? f : asLong(o);
  }
}
