package dev.kiln.e2e.objects.corpus;

import dev.kiln.Jit;
import java.lang.invoke.MethodHandles;

/**
 * Class initialization order, for {@code StaticInitTest}; not part of the differential corpus.
 * The A classes are only ever touched by compiled code and the B classes only by the original
 * (the two methods have the same shape), so each runs on classes not yet initialized, and their
 * logs must read the same with A and B swapped. Nothing else may touch these classes.
 */
public final class InitOrderCorpus {
  static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

  private static final StringBuilder LOG = new StringBuilder();

  /** Not a compile-time constant, so that javac cannot fold a failing initializer away. */
  static boolean fail = Boolean.parseBoolean("true");

  private InitOrderCorpus() {}

  /** Public for the classes of {@code corpus.elsewhere}, which a unit here cannot name. */
  public static void log(String s) {
    LOG.append(s).append(';');
  }

  /** The log so far, cleared. */
  public static String takeLog() {
    String s = LOG.toString();
    LOG.setLength(0);
    return s;
  }

  static class ParentA {
    static final int BASE;

    static {
      log("ParentA");
      BASE = Integer.parseInt("40");
    }
  }

  static final class ChildA extends ParentA {
    static final int VALUE;

    static {
      log("ChildA");
      VALUE = BASE + 2;
    }

    static int get() {
      return VALUE;
    }
  }

  static final class InstA {
    static {
      log("InstA");
    }

    final int v = 7;
  }

  static final class FailingA {
    static final int VALUE;

    static {
      log("FailingA");
      if (fail) {
        throw new IllegalStateException("initializer of A failed");
      }
      VALUE = 1;
    }
  }

  /** A static method that touches no static field: calling it still initializes the class. */
  static final class PureA {
    static {
      log("PureA");
    }

    static int twice(int x) {
      return 2 * x;
    }
  }

  /** A static final field that is not a compile-time constant. */
  static final class ConstA {
    static final int VALUE;

    static {
      log("ConstA");
      VALUE = Integer.parseInt("1000");
    }
  }

  static final class PureB {
    static {
      log("PureB");
    }

    static int twice(int x) {
      return 2 * x;
    }
  }

  static final class ConstB {
    static final int VALUE;

    static {
      log("ConstB");
      VALUE = Integer.parseInt("1000");
    }
  }

  static class ParentB {
    static final int BASE;

    static {
      log("ParentB");
      BASE = Integer.parseInt("40");
    }
  }

  static final class ChildB extends ParentB {
    static final int VALUE;

    static {
      log("ChildB");
      VALUE = BASE + 2;
    }

    static int get() {
      return VALUE;
    }
  }

  static final class InstB {
    static {
      log("InstB");
    }

    final int v = 7;
  }

  static final class FailingB {
    static final int VALUE;

    static {
      log("FailingB");
      if (fail) {
        throw new IllegalStateException("initializer of B failed");
      }
      VALUE = 1;
    }
  }

  @Jit
  public static int touchA(int x) {
    log("start");
    int r = x > 0 ? ChildA.get() : -1;
    log("mid");
    if (x > 1) {
      r += new InstA().v;
    }
    if (x > 2) {
      r += PureA.twice(x);
    }
    if (x > 3) {
      r += ConstA.VALUE;
    }
    log("end");
    return r;
  }

  @Jit
  public static int touchB(int x) {
    log("start");
    int r = x > 0 ? ChildB.get() : -1;
    log("mid");
    if (x > 1) {
      r += new InstB().v;
    }
    if (x > 2) {
      r += PureB.twice(x);
    }
    if (x > 3) {
      r += ConstB.VALUE;
    }
    log("end");
    return r;
  }

  @Jit
  public static int failingA(int x) {
    log("try");
    return x > 0 ? FailingA.VALUE : 0;
  }

  @Jit
  public static int failingB(int x) {
    log("try");
    return x > 0 ? FailingB.VALUE : 0;
  }

  // a class the unit cannot name (package-private, in another package), reached through a
  // public method there: by a static call, and by a static final field

  @Jit
  public static int elsewhereCallA(int x) {
    log("try");
    return dev.kiln.e2e.objects.corpus.elsewhere.Elsewhere.callA(x);
  }

  @Jit
  public static int elsewhereCallB(int x) {
    log("try");
    return dev.kiln.e2e.objects.corpus.elsewhere.Elsewhere.callB(x);
  }

  @Jit
  public static int elsewhereFieldA(int x) {
    log("try");
    return dev.kiln.e2e.objects.corpus.elsewhere.Elsewhere.fieldA(x);
  }

  @Jit
  public static int elsewhereFieldB(int x) {
    log("try");
    return dev.kiln.e2e.objects.corpus.elsewhere.Elsewhere.fieldB(x);
  }
}
