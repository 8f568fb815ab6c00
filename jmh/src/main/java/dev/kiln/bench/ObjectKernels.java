package dev.kiln.bench;

import dev.kiln.Dispatcher;
import dev.kiln.Jit;
import dev.kiln.Kiln;
import java.lang.invoke.MethodHandles;
import java.util.function.DoubleUnaryOperator;

/**
 * Kernels over objects, written as a Java programmer would write them: parameters declared as
 * interfaces, abstract classes and plain mutable classes, with virtual and interface calls on
 * them. HotSpot compiles one copy of each method for every receiver class it has seen there,
 * so one method called with many classes (many lambdas, many shapes) pays a megamorphic call;
 * Kiln compiles one copy per exact argument class, with those calls devirtualized. Where only
 * an array's declared element type is known ({@link #totalArea}, {@link #sum}) Kiln has no
 * exact class to specialize on.
 */
public final class ObjectKernels {
  private ObjectKernels() {}

  /**
   * The Kiln dispatcher of one of these kernels, through this class's own lookup.
   *
   * @param method a kernel's name, e.g. {@code "integrate"}
   */
  public static Dispatcher jit(String method) {
    return Kiln.jit(MethodHandles.lookup(), ObjectKernels.class, method);
  }

  // ------------------------------------------------------------------ integrate

  /**
   * The integral of {@code f} over [{@code a}, {@code b}] by the midpoint rule with {@code n}
   * intervals: {@code h * sum f(a + (i + 0.5) * h)}, summed in index order.
   *
   * <p>Not inlined into its callers (a library routine called from many places): otherwise C2
   * may speculate on the one lambda a benchmark's call site passes, and the plain path would
   * not be the megamorphic call a program that uses {@code integrate} with many lambdas makes.
   * Kiln compiles from the bytecode; the annotation does not reach its specializations.
   */
  @Jit
  @org.openjdk.jmh.annotations.CompilerControl(
      org.openjdk.jmh.annotations.CompilerControl.Mode.DONT_INLINE)
  public static double integrate(DoubleUnaryOperator f, double a, double b, int n) {
    double h = (b - a) / n;
    double sum = 0.0;
    for (int i = 0; i < n; i++) {
      sum += f.applyAsDouble(a + (i + 0.5) * h);
    }
    return sum * h;
  }

  // ------------------------------------------------------------------ shapes

  /** A plane figure. */
  public interface Shape {
    double area();
  }

  /** A circle of radius {@code r}. */
  public static final class Circle implements Shape {
    private final double r;

    public Circle(double r) {
      this.r = r;
    }

    @Override
    public double area() {
      return Math.PI * r * r;
    }
  }

  /** A {@code w x h} rectangle. */
  public static final class Rect implements Shape {
    private final double w;
    private final double h;

    public Rect(double w, double h) {
      this.w = w;
      this.h = h;
    }

    @Override
    public double area() {
      return w * h;
    }
  }

  /** A triangle of base {@code b} and height {@code h}: the third shape, which makes a call
   * site that has seen all three megamorphic in HotSpot. */
  public static final class Triangle implements Shape {
    private final double b;
    private final double h;

    public Triangle(double b, double h) {
      this.b = b;
      this.h = h;
    }

    @Override
    public double area() {
      return 0.5 * b * h;
    }
  }

  /**
   * The sum of the shapes' areas, in index order. The elements' classes are not part of the
   * argument's type ({@code Shape[]}), so this stays a call on an interface.
   */
  @Jit
  public static double totalArea(Shape[] shapes) {
    double total = 0.0;
    for (int i = 0; i < shapes.length; i++) {
      total += shapes[i].area();
    }
    return total;
  }

  /**
   * {@code s.area()} added up {@code reps} times, in order: one shape of one exact class, which
   * Kiln specializes on.
   */
  @Jit
  public static double scaledArea(Shape s, int reps) {
    double total = 0.0;
    for (int i = 0; i < reps; i++) {
      total += s.area();
    }
    return total;
  }

  // ------------------------------------------------------------------ numbers

  /** The sum of {@code xs[i].doubleValue()}, in index order. */
  @Jit
  public static double sum(Number[] xs) {
    double s = 0.0;
    for (int i = 0; i < xs.length; i++) {
      s += xs[i].doubleValue();
    }
    return s;
  }

  // ------------------------------------------------------------------ n-body

  /** One body of an n-body system, Benchmarks Game style: public mutable fields. */
  public static final class Body {
    public double x;
    public double y;
    public double z;
    public double vx;
    public double vy;
    public double vz;
    public double mass;

    public Body(double x, double y, double z, double vx, double vy, double vz, double mass) {
      this.x = x;
      this.y = y;
      this.z = z;
      this.vx = vx;
      this.vy = vy;
      this.vz = vz;
      this.mass = mass;
    }

    /** An independent copy. */
    public Body copy() {
      return new Body(x, y, z, vx, vy, vz, mass);
    }

    /** The seven fields, for comparing two states. */
    public double[] fields() {
      return new double[] {x, y, z, vx, vy, vz, mass};
    }
  }

  /**
   * One step of the Benchmarks Game n-body simulation over {@link Body} objects: every pair
   * attracts (velocities change), then every body moves by {@code dt * v}. The same operations
   * in the same order as {@link Kernels#nbodyAdvance}, so the results agree bit for bit.
   */
  @Jit
  public static void advance(Body[] bodies, double dt) {
    int n = bodies.length;
    for (int i = 0; i < n; i++) {
      Body bi = bodies[i];
      for (int j = i + 1; j < n; j++) {
        Body bj = bodies[j];
        double dx = bi.x - bj.x;
        double dy = bi.y - bj.y;
        double dz = bi.z - bj.z;
        double dSquared = dx * dx + dy * dy + dz * dz;
        double distance = Math.sqrt(dSquared);
        double mag = dt / (dSquared * distance);

        bi.vx -= dx * bj.mass * mag;
        bi.vy -= dy * bj.mass * mag;
        bi.vz -= dz * bj.mass * mag;

        bj.vx += dx * bi.mass * mag;
        bj.vy += dy * bi.mass * mag;
        bj.vz += dz * bi.mass * mag;
      }
    }
    for (int i = 0; i < n; i++) {
      Body b = bodies[i];
      b.x += dt * b.vx;
      b.y += dt * b.vy;
      b.z += dt * b.vz;
    }
  }

  /** The total energy of the system: kinetic minus the potential of every pair. */
  @Jit
  public static double energy(Body[] bodies) {
    double e = 0.0;
    int n = bodies.length;
    for (int i = 0; i < n; i++) {
      Body bi = bodies[i];
      e += 0.5 * bi.mass * (bi.vx * bi.vx + bi.vy * bi.vy + bi.vz * bi.vz);
      for (int j = i + 1; j < n; j++) {
        Body bj = bodies[j];
        double dx = bi.x - bj.x;
        double dy = bi.y - bj.y;
        double dz = bi.z - bj.z;
        double distance = Math.sqrt(dx * dx + dy * dy + dz * dz);
        e -= (bi.mass * bj.mass) / distance;
      }
    }
    return e;
  }
}
