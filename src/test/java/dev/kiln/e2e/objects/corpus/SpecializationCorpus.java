package dev.kiln.e2e.objects.corpus;

import dev.kiln.Jit;
import java.lang.invoke.MethodHandles;

/**
 * Methods for the specialization tests ({@code SpecializationTest}), not part of the
 * differential corpus: each test makes fresh dispatchers and counts their signatures.
 */
public final class SpecializationCorpus {
  static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

  private SpecializationCorpus() {}

  /** An interface whose implementations are not final: one extends another and overrides
   * {@code read()}, so a guard that tests {@code instanceof} instead of the exact class would
   * run the wrong specialization. */
  public interface Meter {
    double read();

    default String unit() {
      return "u";
    }
  }

  public static class Basic implements Meter {
    final double level;

    public Basic(double level) {
      this.level = level;
    }

    @Override
    public double read() {
      return level;
    }
  }

  public static class Doubled extends Basic {
    public Doubled(double level) {
      super(level);
    }

    @Override
    public double read() {
      return 2 * super.read();
    }

    @Override
    public String unit() {
      return "uu";
    }
  }

  public static final class Constant implements Meter {
    @Override
    public double read() {
      return -1;
    }
  }

  @Jit
  public static double readTwice(Meter m) {
    return m.read() + m.read();
  }

  @Jit
  public static String describe(Meter m) {
    return m.read() + m.unit();
  }

  @Jit
  public static double sum(Number[] xs) {
    double s = 0;
    for (Number x : xs) {
      s += x.doubleValue();
    }
    return s;
  }

  @Jit
  public static double asDouble(Number n) {
    return n.doubleValue() + n.intValue();
  }

  @Jit
  public static int length(CharSequence cs) {
    return cs.length() * 10 + (cs.length() > 0 ? cs.charAt(0) : 0);
  }

  /** Two parameters that vary: one signature per pair of exact classes. */
  @Jit
  public static double combine(Meter a, Number b) {
    return a.read() * b.doubleValue();
  }
}
