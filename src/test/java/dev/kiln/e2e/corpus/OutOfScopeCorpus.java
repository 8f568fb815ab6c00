package dev.kiln.e2e.corpus;

import dev.kiln.Jit;
import java.lang.invoke.MethodHandles;
import java.util.function.IntUnaryOperator;

/**
 * Methods using what the first phase does not cover: instance calls on user objects, monitors,
 * lambdas, boxing, string switches. Kiln must either compile them correctly or refuse with an
 * error naming this file and the line. Not part of the differential corpus.
 */
public final class OutOfScopeCorpus {
  static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

  private static final Object LOCK = new Object();

  private OutOfScopeCorpus() {}

  /** A user object with state and instance methods. */
  static final class Counter {
    private int value;

    Counter(int start) {
      value = start;
    }

    void add(int d) {
      value += d;
    }

    int get() {
      return value;
    }
  }

  @Jit
  public static int instanceCall(int x) {
    Counter c = new Counter(x);
    c.add(3);
    c.add(x);
    return c.get();
  }

  @Jit
  public static int synchronizedBlock(int[] a) {
    int s = 0;
    synchronized (LOCK) {
      for (int v : a) {
        s += v;
      }
    }
    return s;
  }

  @Jit
  public static int lambdaCall(int x) {
    IntUnaryOperator f = y -> y * 2 + x;
    return f.applyAsInt(x + 1);
  }

  @Jit
  public static int boxing(int x) {
    Integer boxed = x;
    Long wide = (long) boxed * 2;
    return boxed.hashCode() + wide.intValue();
  }

  @Jit
  public static int stringSwitch(int x) {
    String s = x > 0 ? "pos" : x < 0 ? "neg" : "zero";
    switch (s) {
      case "pos":
        return 1;
      case "neg":
        return -1;
      default:
        return 0;
    }
  }
}
