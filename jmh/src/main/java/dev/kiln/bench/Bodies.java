package dev.kiln.bench;

import java.util.SplittableRandom;

/**
 * The state of an n-body system as the parallel arrays {@link Kernels#nbodyAdvance} takes.
 * Mutable: the kernels update it in place; {@link #copy()} gives an independent one.
 */
public final class Bodies {
  /** The Benchmarks Game's time step. */
  public static final double DT = 0.01;

  private static final double PI = 3.141592653589793;
  private static final double SOLAR_MASS = 4 * PI * PI;
  private static final double DAYS_PER_YEAR = 365.24;

  public final double[] x;
  public final double[] y;
  public final double[] z;
  public final double[] vx;
  public final double[] vy;
  public final double[] vz;
  public final double[] mass;

  private Bodies(int n) {
    x = new double[n];
    y = new double[n];
    z = new double[n];
    vx = new double[n];
    vy = new double[n];
    vz = new double[n];
    mass = new double[n];
  }

  /** The number of bodies. */
  public int size() {
    return x.length;
  }

  /** An independent copy of this state. */
  public Bodies copy() {
    Bodies c = new Bodies(size());
    System.arraycopy(x, 0, c.x, 0, size());
    System.arraycopy(y, 0, c.y, 0, size());
    System.arraycopy(z, 0, c.z, 0, size());
    System.arraycopy(vx, 0, c.vx, 0, size());
    System.arraycopy(vy, 0, c.vy, 0, size());
    System.arraycopy(vz, 0, c.vz, 0, size());
    System.arraycopy(mass, 0, c.mass, 0, size());
    return c;
  }

  /** All seven arrays, for comparing two states element by element. */
  public double[][] arrays() {
    return new double[][] {x, y, z, vx, vy, vz, mass};
  }

  /**
   * The Benchmarks Game's system: the Sun and the four giant planets, momentum offset so the
   * centre of mass is at rest. Its energy is -0.169075164 at the start and -0.169087605 after
   * 1000 steps of {@link #DT}.
   */
  public static Bodies solarSystem() {
    Bodies b = new Bodies(5);
    b.set(0, 0, 0, 0, 0, 0, 0, SOLAR_MASS);
    b.set(1, 4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01,
        1.66007664274403694e-03 * DAYS_PER_YEAR, 7.69901118419740425e-03 * DAYS_PER_YEAR,
        -6.90460016972063023e-05 * DAYS_PER_YEAR, 9.54791938424326609e-04 * SOLAR_MASS);
    b.set(2, 8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01,
        -2.76742510726862411e-03 * DAYS_PER_YEAR, 4.99852801234917238e-03 * DAYS_PER_YEAR,
        2.30417297573763929e-05 * DAYS_PER_YEAR, 2.85885980666130812e-04 * SOLAR_MASS);
    b.set(3, 1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01,
        2.96460137564761618e-03 * DAYS_PER_YEAR, 2.37847173959480950e-03 * DAYS_PER_YEAR,
        -2.96589568540237556e-05 * DAYS_PER_YEAR, 4.36624404335156298e-05 * SOLAR_MASS);
    b.set(4, 1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01,
        2.68067772490389322e-03 * DAYS_PER_YEAR, 1.62824170038242295e-03 * DAYS_PER_YEAR,
        -9.51592254519715870e-05 * DAYS_PER_YEAR, 5.15138902046611451e-05 * SOLAR_MASS);
    b.offsetMomentum();
    return b;
  }

  /**
   * {@code n} bodies of 1e-6 to 1e-5 solar masses scattered uniformly in a cube of side 20 with
   * small velocities, momentum offset: a system whose step costs O(n^2) and whose energy stays
   * put over thousands of steps.
   */
  public static Bodies cluster(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Bodies b = new Bodies(n);
    for (int i = 0; i < n; i++) {
      b.set(i, random.nextDouble(-10, 10), random.nextDouble(-10, 10), random.nextDouble(-10, 10),
          random.nextDouble(-0.01, 0.01), random.nextDouble(-0.01, 0.01),
          random.nextDouble(-0.01, 0.01), random.nextDouble(1e-6, 1e-5) * SOLAR_MASS);
    }
    b.offsetMomentum();
    return b;
  }

  private void set(int i, double px, double py, double pz, double pvx, double pvy, double pvz,
                   double m) {
    x[i] = px;
    y[i] = py;
    z[i] = pz;
    vx[i] = pvx;
    vy[i] = pvy;
    vz[i] = pvz;
    mass[i] = m;
  }

  /** Gives body 0 the momentum that cancels all the others', so the total is zero. */
  private void offsetMomentum() {
    double px = 0.0;
    double py = 0.0;
    double pz = 0.0;
    for (int i = 1; i < size(); i++) {
      px += vx[i] * mass[i];
      py += vy[i] * mass[i];
      pz += vz[i] * mass[i];
    }
    vx[0] = -px / mass[0];
    vy[0] = -py / mass[0];
    vz[0] = -pz / mass[0];
  }
}
