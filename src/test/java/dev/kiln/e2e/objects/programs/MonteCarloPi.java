package dev.kiln.e2e.objects.programs;

import dev.kiln.Jit;
import java.lang.invoke.MethodHandles;

/** A Monte Carlo estimate of pi, drawing points from a small linear congruential generator
 * whose {@code next()} is {@code synchronized}. */
public final class MonteCarloPi {
  static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

  private MonteCarloPi() {}

  /** Knuth's MMIX LCG; 53 high bits make a double in [0, 1). */
  public static final class Lcg {
    private long state;
    private long draws;

    public Lcg(long seed) {
      state = seed;
    }

    public synchronized long next() {
      state = state * 6364136223846793005L + 1442695040888963407L;
      draws++;
      return state >>> 11;
    }

    public double nextDouble() {
      return next() * 0x1.0p-53;
    }

    public synchronized long draws() {
      return draws;
    }
  }

  @Jit
  public static double estimate(long seed, int samples) {
    Lcg rng = new Lcg(seed);
    int inside = 0;
    for (int i = 0; i < samples; i++) {
      double x = rng.nextDouble();
      double y = rng.nextDouble();
      if (x * x + y * y < 1.0) {
        inside++;
      }
    }
    if (rng.draws() != 2L * samples) {
      throw new IllegalStateException("lost draws: " + rng.draws());
    }
    return 4.0 * inside / samples;
  }
}
