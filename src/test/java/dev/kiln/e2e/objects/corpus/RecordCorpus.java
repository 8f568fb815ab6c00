package dev.kiln.e2e.objects.corpus;

import dev.kiln.Jit;
import dev.kiln.e2e.NonNull;
import dev.kiln.e2e.Range;
import dev.kiln.e2e.Size;
import dev.kiln.e2e.objects.Sample;
import dev.kiln.e2e.Strings;
import java.lang.invoke.MethodHandles;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Objects;
import java.util.Random;
import java.util.Set;

/**
 * Records: accessors (generated and overridden), the generated {@code equals},
 * {@code hashCode} and {@code toString} (an {@code invokedynamic} into
 * {@code ObjectMethods} inside the record class), compact canonical constructors that validate
 * and throw, nested and generic records, records implementing interfaces, records in hash sets
 * and sorted with comparators.
 */
public final class RecordCorpus {
  static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

  private RecordCorpus() {}

  public record Point(int x, int y) {
    public static final Point ORIGIN = new Point(0, 0);

    public Point plus(Point o) {
      return new Point(x + o.x, y + o.y);
    }

    public long dist2() {
      return (long) x * x + (long) y * y;
    }

    @Sample
    static Point sample(Random r) {
      return r.nextInt(12) == 0 ? null : new Point(r.nextInt(11) - 5, r.nextInt(11) - 5);
    }
  }

  /** A compact canonical constructor that validates. */
  public record Interval(int lo, int hi) {
    public Interval {
      if (lo > hi) {
        throw new IllegalArgumentException("empty interval: " + lo + " > " + hi);
      }
    }

    public int length() {
      return hi - lo;
    }

    public boolean overlaps(Interval o) {
      return lo <= o.hi && o.lo <= hi;
    }

    @Sample
    static Interval sample(Random r) {
      int a = r.nextInt(20) - 5;
      return new Interval(a, a + r.nextInt(10));
    }
  }

  /** A canonical constructor that normalizes and checks for null. */
  public record Named(String name, double weight) {
    public Named {
      Objects.requireNonNull(name, "name");
      name = name.strip();
      if (Double.isNaN(weight)) {
        throw new IllegalArgumentException("weight is NaN for " + name);
      }
    }
  }

  public record Line(Point a, Point b) implements Comparable<Line> {
    public double length() {
      return Math.sqrt(Math.pow(a.x() - b.x(), 2) + Math.pow(a.y() - b.y(), 2));
    }

    @Override
    public int compareTo(Line o) {
      return Double.compare(length(), o.length());
    }

    @Sample
    static Line sample(Random r) {
      Point p = Point.sample(r);
      Point q = Point.sample(r);
      return new Line(p == null ? Point.ORIGIN : p, q == null ? Point.ORIGIN : q);
    }
  }

  public record Pair<A, B>(A first, B second) {
    public Pair<B, A> swap() {
      return new Pair<>(second, first);
    }
  }

  /** An explicit accessor overriding the generated one. */
  public record Money(long cents, String currency) {
    @Override
    public long cents() {
      return Math.abs(cents);
    }

    public String format() {
      return currency + " " + cents() / 100 + "." + String.format("%02d", cents() % 100);
    }
  }

  public interface Measurement {
    double value();

    default String unit() {
      return "?";
    }

    default String show() {
      return value() + " " + unit();
    }

    @Sample
    static Measurement sample(Random r) {
      double v = Math.round(r.nextGaussian() * 1000) / 10.0;
      return switch (r.nextInt(3)) {
        case 0 -> new Celsius(v);
        case 1 -> new Meters(v);
        default -> new Ratio(v);
      };
    }
  }

  public record Celsius(double value) implements Measurement {
    @Override
    public String unit() {
      return "C";
    }
  }

  public record Meters(double value) implements Measurement {
    @Override
    public String unit() {
      return "m";
    }

    public Meters plus(Meters o) {
      return new Meters(value + o.value);
    }
  }

  /** Uses the interface's default unit(). */
  public record Ratio(double value) implements Measurement {
  }

  /** A record holding an array: its equals compares the array by identity. */
  public record Samples(String label, int[] data) {
    public int sum() {
      int s = 0;
      for (int d : data) {
        s += d;
      }
      return s;
    }
  }

  // ---------------------------------------------------------------- methods

  @Jit
  public static int sumCoords(Point p) {
    return p.x() + p.y();
  }

  @Jit
  public static Point add(Point a, Point b) {
    return a.plus(b);
  }

  @Jit
  public static int equalPoints(Point a, Point b) {
    return (a.equals(b) ? 1 : 0) + (a.equals(new Point(a.x(), a.y())) ? 2 : 0)
        + (a.equals(new Point(a.y(), a.x())) ? 4 : 0) + (a.equals(null) ? 8 : 0)
        + (a.equals("point") ? 16 : 0);
  }

  @Jit
  public static int hashPoint(Point p) {
    return p.hashCode();
  }

  @Jit
  public static String showPoint(Point p) {
    return p.toString() + "/" + p;
  }

  @Jit
  public static long dist2(Point p) {
    return p.dist2();
  }

  @Jit
  public static int intervalLength(int lo, int hi) {
    return new Interval(lo, hi).length();
  }

  @Jit
  public static Interval intersect(Interval a, Interval b) {
    if (!a.overlaps(b)) {
      return null;
    }
    return new Interval(Math.max(a.lo(), b.lo()), Math.min(a.hi(), b.hi()));
  }

  @Jit
  public static Named named(@Strings({"  ada ", "bob", "", " x"}) String name, double weight) {
    return new Named(name, weight);
  }

  @Jit
  public static double lineLength(Line l) {
    return l.length();
  }

  @Jit
  public static int compareLines(@NonNull Line a, Line b) {
    return a.compareTo(b);
  }

  @Jit
  public static String pairSwap(String a, int b) {
    Pair<String, Integer> p = new Pair<>(a, b);
    Pair<Integer, String> q = p.swap();
    return q + " " + q.first() + " " + q.equals(p.swap()) + " " + (q.hashCode() == p.swap().hashCode());
  }

  @Jit
  public static String money(long cents, @Strings({"EUR", "USD"}) String currency) {
    Money m = new Money(cents, currency);
    return m.cents() + " " + m.format() + " " + m.equals(new Money(-cents, currency));
  }

  /** An interface parameter implemented by three records; default and overridden methods. */
  @Jit
  public static String measure(Measurement m) {
    return m.show() + ":" + m.unit() + ":" + (m.value() > 0);
  }

  @Jit
  public static double recordPatterns(Measurement m) {
    if (m instanceof Meters meters) {
      return meters.plus(new Meters(1)).value();
    } else if (m instanceof Celsius c) {
      return c.value() * 9 / 5 + 32;
    }
    return -m.value();
  }

  @Jit
  public static Point[] sortPoints(@Size(max = 8) Point[] ps) {
    Point[] copy = ps.clone();
    Arrays.sort(copy, Comparator.comparingInt(Point::x).thenComparingInt(Point::y));
    return copy;
  }

  @Jit
  public static int distinctPoints(@Size(max = 10) Point[] ps) {
    Set<Point> set = new HashSet<>();
    for (Point p : ps) {
      set.add(p);
    }
    return set.size() * 100 + (set.contains(Point.ORIGIN) ? 1 : 0);
  }

  @Jit
  public static int samples(String label, int[] data) {
    Samples s = new Samples(label, data);
    Samples t = new Samples(label, data);
    Samples u = new Samples(label, data == null ? null : data.clone());
    return s.sum() + (s.equals(t) ? 1000 : 0) + (s.equals(u) && data != null && data.length > 0
        ? 2000 : 0) + (s.hashCode() == t.hashCode() ? 4000 : 0);
  }

  @Jit
  public static String recordToStringWithDoubles(double a, double b) {
    return new Celsius(a) + " " + new Pair<>(a, b) + " " + new Celsius(a).equals(new Celsius(b));
  }


  /** Records have identity: two equal records are different objects. */
  @Jit
  public static String recordIdentity(int x, int y) {
    Point a = new Point(x, y);
    Point b = new Point(x, y);
    Point c = a;
    java.util.Map<Point, Integer> byIdentity = new java.util.IdentityHashMap<>();
    byIdentity.put(a, 1);
    byIdentity.put(b, 2);
    byIdentity.put(c, 3);
    return (a == b) + "," + (a == c) + "," + a.equals(b) + "," + byIdentity.size() + ","
        + byIdentity.get(a) + "," + (System.identityHashCode(a) == System.identityHashCode(c));
  }

  /** A record used as a lock: its monitor is the object's, not its value's. */
  @Jit
  public static int recordAsLock(int x) {
    Point p = new Point(x, x);
    synchronized (p) {
      return Thread.holdsLock(p) && !Thread.holdsLock(new Point(x, x)) ? 1 : 0;
    }
  }
}
