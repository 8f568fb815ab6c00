package dev.kiln.e2e.objects.corpus.elsewhere;

import dev.kiln.e2e.objects.corpus.InitOrderCorpus;

/**
 * Public methods that reach package-private classes of this package, which a unit compiled for
 * a method of another package cannot name: their initializers (which fail, once
 * {@link InitOrderCorpus} says so) must still run where the original's would, and fail as the
 * original's do. A and B twins: the compiled run uses the A classes, the original the B ones.
 */
public final class Elsewhere {
  private Elsewhere() {}

  public static int callA(int x) {
    return x > 0 ? HiddenCallA.h(x) : -x;
  }

  public static int callB(int x) {
    return x > 0 ? HiddenCallB.h(x) : -x;
  }

  public static int fieldA(int x) {
    return x > 0 ? HiddenFieldA.VALUE + x : -x;
  }

  public static int fieldB(int x) {
    return x > 0 ? HiddenFieldB.VALUE + x : -x;
  }
}

final class HiddenCallA {
  static final int BASE = Hidden.initialize("HiddenCallA");

  static int h(int x) {
    return BASE + x;
  }
}

final class HiddenCallB {
  static final int BASE = Hidden.initialize("HiddenCallB");

  static int h(int x) {
    return BASE + x;
  }
}

final class HiddenFieldA {
  static final int VALUE = Hidden.initialize("HiddenFieldA");
}

final class HiddenFieldB {
  static final int VALUE = Hidden.initialize("HiddenFieldB");
}

final class Hidden {
  private Hidden() {}

  /** Logs the initialization of {@code who}, then fails it. */
  static int initialize(String who) {
    InitOrderCorpus.log(who);
    if (Integer.parseInt("1") == 1) {
      throw new IllegalStateException("initializer of " + who + " failed");
    }
    return 10;
  }
}
