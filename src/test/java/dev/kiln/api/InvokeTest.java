package dev.kiln.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.Dispatcher;
import dev.kiln.JitOptions;
import dev.kiln.Kiln;
import dev.kiln.typing.TypingError;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code Dispatcher.invoke}: arguments convert as {@code Method.invoke} converts them (a unit's
 * generic entry does it, see UnitInvoker), and the method's class is initialized at the first
 * call, not when the dispatcher is made or a signature compiled, as {@code invokestatic} of the
 * original would.
 */
class InvokeTest {
  static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

  static double widen(double d, long l, int i, float f, short s) {
    return d * 1e-3 + l + i * 7 + f / 2 + s;
  }

  static int chars(char c, byte b, boolean z) {
    return z ? c + b : c - b;
  }

  static long longs(long a) {
    return a * 3;
  }

  @Test
  void argumentsWidenAsMethodInvokeWidens() throws Throwable {
    Method widen = InvokeTest.class.getDeclaredMethod("widen", double.class, long.class,
        int.class, float.class, short.class);
    Dispatcher d = Kiln.jit(LOOKUP, InvokeTest.class, "widen");
    Object[][] cases = {
        {1.5, 2L, 3, 4f, (short) 5},
        {7, 'x', (short) 2, 9L, (byte) -3},       // int→double, char→long, short→int, long→float
        {2.5f, (byte) 4, 'a', 'b', (short) -1},   // float→double, byte→long, char→int/float
        {Long.MAX_VALUE, Integer.MIN_VALUE, (byte) 1, Long.MIN_VALUE, Short.MIN_VALUE},
        {16_777_217, 123_456_789L, 5, 16_777_217, (short) 0},        // past float's 24 bits
        {123_456_789_123L, 'z', 5, 123_456_789L, (byte) 0},
    };
    for (Object[] args : cases) {
      assertEquals(widen.invoke(null, args), d.invoke(args), () -> List.of(args).toString());
    }
    Method chars = InvokeTest.class.getDeclaredMethod("chars", char.class, byte.class,
        boolean.class);
    Dispatcher c = Kiln.jit(LOOKUP, InvokeTest.class, "chars");
    for (Object[] args : new Object[][] {{'z', (byte) 3, true}, {'\uffff', (byte) -128, false}}) {
      assertEquals(chars.invoke(null, args), c.invoke(args));
    }
    Dispatcher l = Kiln.jit(LOOKUP, InvokeTest.class, "longs");
    assertEquals(longs(Integer.MAX_VALUE), l.invoke(Integer.MAX_VALUE));
    assertEquals(longs('q'), l.invoke('q'));
  }

  @Test
  void argumentsThatDoNotConvertAreRefused() {
    Dispatcher d = Kiln.jit(LOOKUP, InvokeTest.class, "chars");
    assertThrows(TypingError.class, () -> d.invoke(3, (byte) 1, true)); // int is not a char
    assertThrows(TypingError.class, () -> d.invoke('a', (short) 1, true)); // short is not a byte
    assertThrows(TypingError.class, () -> d.invoke('a', (byte) 1, 1));
    Dispatcher l = Kiln.jit(LOOKUP, InvokeTest.class, "longs");
    assertThrows(TypingError.class, () -> l.invoke(1.0));
    assertThrows(IllegalArgumentException.class, () -> l.invoke(1L, 2L));
  }

  static boolean pBoolean(boolean x) {
    return x;
  }

  static byte pByte(byte x) {
    return x;
  }

  static char pChar(char x) {
    return x;
  }

  static short pShort(short x) {
    return x;
  }

  static int pInt(int x) {
    return x;
  }

  static long pLong(long x) {
    return x;
  }

  static float pFloat(float x) {
    return x;
  }

  static double pDouble(double x) {
    return x;
  }

  /**
   * Every box (and null) for every primitive parameter: {@code invoke} accepts exactly what
   * {@code Method.invoke} of the original accepts, with the same result, and refuses the rest
   * with {@code TypingError} (where reflection throws {@code IllegalArgumentException}).
   */
  @Test
  void everyBoxConvertsAsMethodInvokeConvertsIt() throws Exception {
    Object[] boxes = {(byte) 1, (short) 2, 'c', 3, 4L, 5f, 6d, true, null};
    for (String name : List.of("pBoolean", "pByte", "pChar", "pShort", "pInt", "pLong", "pFloat",
        "pDouble")) {
      Method m = null;
      for (Method c : InvokeTest.class.getDeclaredMethods()) {
        m = c.getName().equals(name) ? c : m;
      }
      Dispatcher d = Kiln.jit(LOOKUP, InvokeTest.class, name);
      for (Object box : boxes) {
        String what = name + "(" + (box == null ? "null" : box.getClass().getSimpleName()) + ")";
        Object expected;
        try {
          expected = m.invoke(null, box);
        } catch (IllegalArgumentException refused) {
          assertThrows(TypingError.class, () -> d.invoke(box), what + " is refused");
          continue;
        }
        try {
          assertEquals(expected, d.invoke(box), what);
        } catch (Throwable t) {
          throw new AssertionError(what + " should run as reflection does: " + t, t);
        }
      }
    }
  }

  /** Records when it is initialized. */
  public static final class Lazy {
    static final List<String> EVENTS = new ArrayList<>();

    static {
      InitLog.EVENTS.add("Lazy initialized");
    }

    static int twice(int x) {
      return 2 * x;
    }

    static int thrice(int x) {
      return 3 * x;
    }
  }

  /** Where {@link Lazy} records its initialization (a class of its own, not initialized by it). */
  public static final class InitLog {
    static final List<String> EVENTS = new ArrayList<>();
  }

  @Test
  void theMethodsClassIsInitializedAtTheFirstCallOnly() throws Throwable {
    Dispatcher eager = Kiln.jit(LOOKUP, Lazy.class, "thrice",
        JitOptions.DEFAULTS.withSignatures("int(int)"));
    Dispatcher d = Kiln.jit(LOOKUP, Lazy.class, "twice");
    assertEquals(List.of("int(int)"), eager.signatures(), "compiled at creation");
    assertTrue(InitLog.EVENTS.isEmpty(), "neither making dispatchers nor compiling initializes: "
        + InitLog.EVENTS);
    InitLog.EVENTS.add("calling");
    assertEquals(8, d.invoke(4));
    assertEquals(List.of("calling", "Lazy initialized"), InitLog.EVENTS);
    assertEquals(9, eager.invoke(3));
    assertEquals(6, (int) d.handle().invokeExact(3));
    assertEquals(List.of("calling", "Lazy initialized"), InitLog.EVENTS, "once");
  }

  /** Its initializer fails. */
  public static final class Broken {
    static final int VALUE = Integer.parseInt("not a number");

    static int get(int x) {
      return x + VALUE;
    }
  }

  @Test
  void aFailingInitializerFailsTheCallsAsTheOriginalsWould() {
    Dispatcher d = Kiln.jit(LOOKUP, Broken.class, "get");
    assertThrows(ExceptionInInitializerError.class, () -> d.invoke(1));
    assertThrows(NoClassDefFoundError.class, () -> d.invoke(1));
    assertThrows(NoClassDefFoundError.class, () -> d.handle().invoke(1));
  }

  /** Its initializer fails; reached only through a typed entry. */
  public static final class BrokenForEntries {
    static final int VALUE = Integer.parseInt("not a number for entries");

    static int get(int x) {
      return x + VALUE;
    }
  }

  /**
   * A typed entry's call site links at its first call: it must not initialize the method's class
   * inside its bootstrap, where a failure would be replayed as the same linkage error at every
   * call, rather than {@code ExceptionInInitializerError} and then {@code NoClassDefFoundError}.
   */
  @Test
  void aFailingInitializerFailsATypedEntrysCallsAsTheOriginalsWould() {
    Dispatcher d = Kiln.jit(LOOKUP, BrokenForEntries.class, "get");
    java.util.function.IntUnaryOperator f = d.as(java.util.function.IntUnaryOperator.class);
    assertThrows(ExceptionInInitializerError.class, () -> f.applyAsInt(1));
    assertThrows(NoClassDefFoundError.class, () -> f.applyAsInt(1));
    assertThrows(NoClassDefFoundError.class, () -> d.invoke(1));
  }

  /** Its initializer fails too (a class of its own: each test sees its first failure). */
  public static final class AlsoBroken {
    static final int VALUE = Integer.parseInt("not a number either");

    static int get(int x) {
      return x + VALUE;
    }
  }

  /** Calls into {@link AlsoBroken} only when asked to: the unit initializes it at that call. */
  public static final class UsesBroken {
    static int maybe(int x, boolean touch) {
      return touch ? AlsoBroken.get(x) : -x;
    }
  }

  @Test
  void anotherClassIsInitializedWhereTheOriginalWouldBeAndFailsAsItWould() throws Throwable {
    Dispatcher d = Kiln.jit(LOOKUP, UsesBroken.class, "maybe");
    assertEquals(-4, d.invoke(4, false)); // Broken untouched: no error yet
    Throwable first = assertThrows(Throwable.class, () -> d.invoke(4, true));
    Throwable second = assertThrows(Throwable.class, () -> d.invoke(4, true));
    Throwable originalFirst;
    Throwable originalSecond;
    try {
      // the original's behaviour, in a fresh class loader (its own, uninitialized AlsoBroken)
      Class<?> fresh = new FreshLoader().loadClass(UsesBroken.class.getName());
      Method m = fresh.getDeclaredMethod("maybe", int.class, boolean.class);
      m.setAccessible(true);
      originalFirst = assertThrows(java.lang.reflect.InvocationTargetException.class,
          () -> m.invoke(null, 4, true)).getCause();
      originalSecond = assertThrows(java.lang.reflect.InvocationTargetException.class,
          () -> m.invoke(null, 4, true)).getCause();
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
    assertEquals(originalFirst.getClass(), first.getClass(), first.toString());
    assertEquals(originalSecond.getClass(), second.getClass(), second.toString());
  }

  /** Loads this test's nested kernels afresh (uninitialized), everything else from its parent. */
  private static final class FreshLoader extends FreshLoaderFor {
    FreshLoader() {
      super(InvokeTest.class);
    }
  }

  /** Loads the nested classes of {@code host} afresh, everything else from the parent. */
  static class FreshLoaderFor extends ClassLoader {
    private final String prefix;

    FreshLoaderFor(Class<?> host) {
      super(host.getClassLoader());
      this.prefix = host.getName() + "$";
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (!name.startsWith(prefix)) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> c = findLoadedClass(name);
        if (c == null) {
          try (var in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
            byte[] b = in.readAllBytes();
            c = defineClass(name, b, 0, b.length);
          } catch (java.io.IOException e) {
            throw new ClassNotFoundException(name, e);
          }
        }
        return c;
      }
    }

    @Override
    public java.net.URL getResource(String name) {
      return getParent().getResource(name);
    }
  }

  /** A method named and typed like the generic entry: its unit gets none, and still runs. */
  public static final class Named {
    static Object invoke(Object[] a) {
      return a.length;
    }
  }

  @Test
  void aMethodNamedLikeTheGenericEntryCompiles() throws Throwable {
    Dispatcher d = Kiln.jit(LOOKUP, Named.class, "invoke");
    assertEquals(3, d.invoke((Object) new Object[] {1, 2, 3}));
    assertEquals(1, d.signatures().size(), d.signatures().toString());
  }

  /** Its {@code init} becomes the linked callee {@code init$1}. */
  public static final class Registry {
    static int count;

    static void init() {
      count++;
    }
  }

  /** Another class whose initialization the unit checks. */
  public static final class Other {
    static final int BASE = Integer.parseInt("40");

    static int g(int x) {
      return BASE + x;
    }
  }

  /** Calls into two other classes: each gets an initialization check, none clashes. */
  public static final class Collide {
    static int f(int x) {
      Registry.init();
      return Other.g(x);
    }
  }

  @Test
  void initializationChecksDoNotClashWithLinkedCallees() throws Throwable {
    Dispatcher d = Kiln.jit(LOOKUP, Collide.class, "f");
    assertEquals(42, d.invoke(2));
    assertEquals(1, Registry.count);
    assertEquals(List.of("int(int)"), d.signatures());
  }
}
