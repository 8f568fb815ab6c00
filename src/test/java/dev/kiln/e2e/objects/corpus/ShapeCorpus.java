package dev.kiln.e2e.objects.corpus;

import dev.kiln.Jit;
import dev.kiln.e2e.NonNull;
import dev.kiln.e2e.Range;
import dev.kiln.e2e.Size;
import dev.kiln.e2e.objects.Sample;
import java.lang.invoke.MethodHandles;
import java.util.List;
import java.util.Random;

/**
 * Interface and abstract-class parameters holding several exact classes: interface calls,
 * default methods, instanceof chains, pattern matching, checkcast, objects made with
 * {@code new} whose constructors validate, and shapes returned as results.
 */
public final class ShapeCorpus {
  static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

  private ShapeCorpus() {}

  /** Two, three, four implementations of one interface; every one overrides equals,
   * hashCode and toString so results compare and print by value. */
  public interface Shape {
    double area();

    double perimeter();

    String name();

    Shape scaled(double k);

    default String describe() {
      return name() + "[area=" + area() + "]";
    }

    default boolean biggerThan(Shape other) {
      return area() > other.area();
    }

    static Shape unit() {
      return new Square(1);
    }

    @Sample
    static Shape sample(Random r) {
      return switch (r.nextInt(9)) {
        case 0, 1 -> new Circle(dim(r));
        case 2, 3 -> new Square(dim(r));
        case 4, 5 -> new Rect(dim(r), dim(r));
        case 6 -> new Triangle(3 * (1 + r.nextInt(3)), 4 * (1 + r.nextInt(2)), 5 + r.nextInt(3));
        case 7 -> RegularPolygon.sample(r);
        default -> null;
      };
    }
  }

  static double dim(Random r) {
    return r.nextInt(4) == 0 ? r.nextInt(5) : Math.round(r.nextDouble() * 1000) / 100.0;
  }

  public static final class Circle implements Shape {
    final double radius;

    public Circle(double radius) {
      if (!(radius >= 0)) {
        throw new IllegalArgumentException("bad radius " + radius);
      }
      this.radius = radius;
    }

    public double radius() {
      return radius;
    }

    @Override
    public double area() {
      return Math.PI * radius * radius;
    }

    @Override
    public double perimeter() {
      return 2 * Math.PI * radius;
    }

    @Override
    public String name() {
      return "circle";
    }

    @Override
    public Shape scaled(double k) {
      return new Circle(radius * k);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Circle c && Double.compare(c.radius, radius) == 0;
    }

    @Override
    public int hashCode() {
      return Double.hashCode(radius);
    }

    @Override
    public String toString() {
      return "Circle(" + radius + ")";
    }
  }

  public static final class Square implements Shape {
    final double side;

    public Square(double side) {
      this.side = side;
    }

    @Override
    public double area() {
      return side * side;
    }

    @Override
    public double perimeter() {
      return 4 * side;
    }

    @Override
    public String name() {
      return "square";
    }

    @Override
    public Shape scaled(double k) {
      return new Square(side * k);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Square s && Double.compare(s.side, side) == 0;
    }

    @Override
    public int hashCode() {
      return 31 * Double.hashCode(side) + 1;
    }

    @Override
    public String toString() {
      return "Square(" + side + ")";
    }
  }

  public static final class Rect implements Shape {
    final double w;
    final double h;

    public Rect(double w, double h) {
      this.w = w;
      this.h = h;
    }

    @Override
    public double area() {
      return w * h;
    }

    @Override
    public double perimeter() {
      return 2 * (w + h);
    }

    @Override
    public String name() {
      return "rect";
    }

    @Override
    public Shape scaled(double k) {
      return new Rect(w * k, h * k);
    }

    /** Overrides the interface's default method. */
    @Override
    public String describe() {
      return "rect " + w + "x" + h;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Rect r && Double.compare(r.w, w) == 0 && Double.compare(r.h, h) == 0;
    }

    @Override
    public int hashCode() {
      return Double.hashCode(w) * 17 + Double.hashCode(h);
    }

    @Override
    public String toString() {
      return "Rect(" + w + ", " + h + ")";
    }
  }

  /** An abstract class between the interface and a concrete class. */
  public abstract static class Polygon implements Shape {
    private final int sides;

    protected Polygon(int sides) {
      if (sides < 3) {
        throw new IllegalArgumentException("a polygon has at least 3 sides, not " + sides);
      }
      this.sides = sides;
    }

    public int sides() {
      return sides;
    }

    protected abstract double[] edges();

    @Override
    public double perimeter() {
      double p = 0;
      for (double e : edges()) {
        p += e;
      }
      return p;
    }

    @Override
    public String name() {
      return "polygon" + sides;
    }

    @Sample
    static Polygon sample(Random r) {
      return r.nextBoolean() ? new Triangle(2 + r.nextInt(3), 3, 4)
          : RegularPolygon.sample(r);
    }
  }

  public static final class Triangle extends Polygon {
    final double a;
    final double b;
    final double c;

    public Triangle(double a, double b, double c) {
      super(3);
      this.a = a;
      this.b = b;
      this.c = c;
    }

    @Override
    protected double[] edges() {
      return new double[] {a, b, c};
    }

    @Override
    public double area() {
      double s = perimeter() / 2;
      return Math.sqrt(s * (s - a) * (s - b) * (s - c));
    }

    @Override
    public Shape scaled(double k) {
      return new Triangle(a * k, b * k, c * k);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Triangle t && Double.compare(t.a, a) == 0
          && Double.compare(t.b, b) == 0 && Double.compare(t.c, c) == 0;
    }

    @Override
    public int hashCode() {
      return (int) (a * 1000 + b * 100 + c);
    }

    @Override
    public String toString() {
      return "Triangle(" + a + ", " + b + ", " + c + ")";
    }
  }

  /** A second concrete polygon, so that an abstract-class parameter holds two classes. */
  public static final class RegularPolygon extends Polygon {
    final double edge;

    public RegularPolygon(int sides, double edge) {
      super(sides);
      this.edge = edge;
    }

    @Override
    protected double[] edges() {
      double[] e = new double[sides()];
      java.util.Arrays.fill(e, edge);
      return e;
    }

    @Override
    public double area() {
      int n = sides();
      return n * edge * edge / (4 * Math.tan(Math.PI / n));
    }

    @Override
    public Shape scaled(double k) {
      return new RegularPolygon(sides(), edge * k);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof RegularPolygon p && p.sides() == sides()
          && Double.compare(p.edge, edge) == 0;
    }

    @Override
    public int hashCode() {
      return sides() * 7919 + Double.hashCode(edge);
    }

    @Override
    public String toString() {
      return "RegularPolygon(" + sides() + ", " + edge + ")";
    }

    @Sample
    static RegularPolygon sample(Random r) {
      return new RegularPolygon(3 + r.nextInt(6), 1 + r.nextInt(5));
    }
  }

  // ---------------------------------------------------------------- methods

  @Jit
  public static double area(Shape s) {
    return s.area();
  }

  @Jit
  public static double perimeter(Shape s) {
    return s.perimeter();
  }

  /** A default method of the interface (overridden by one class) calling abstract ones. */
  @Jit
  public static String describe(Shape s) {
    return s.describe();
  }

  @Jit
  public static double totalArea(Shape[] shapes) {
    double total = 0;
    for (Shape s : shapes) {
      if (s != null) {
        total += s.area();
      }
    }
    return total;
  }

  @Jit
  public static int classify(Shape s) {
    if (s instanceof Circle) {
      return 1;
    } else if (s instanceof Square) {
      return 2;
    } else if (s instanceof Rect) {
      return 3;
    } else if (s instanceof Polygon) {
      return 4;
    }
    return s == null ? 0 : -1;
  }

  /** Pattern matching for instanceof, with a condition on the bound variable. */
  @Jit
  public static double patternMatch(Shape s) {
    if (s instanceof Circle c && c.radius > 1) {
      return c.radius;
    } else if (s instanceof Rect r) {
      return r.w - r.h;
    } else if (s instanceof Polygon p && p.sides() == 3) {
      return -p.perimeter();
    } else if (!(s instanceof Square q)) {
      return Double.NaN;
    } else {
      return q.side * 10;
    }
  }

  /** checkcast that fails (ClassCastException, message naming both classes) for non-circles. */
  @Jit
  public static double castToCircle(Shape s) {
    return ((Circle) s).radius();
  }

  @Jit
  public static boolean bigger(Shape a, @NonNull Shape b) {
    return a.biggerThan(b);
  }

  @Jit
  public static Shape scaled(Shape s, @Range(min = -2, max = 5) double k) {
    return s.scaled(k);
  }

  @Jit
  public static int sides(Shape s) {
    return s instanceof Polygon p ? p.sides() : -1;
  }

  /** An abstract-class parameter: calls its concrete and abstract methods. */
  @Jit
  public static String polygonInfo(Polygon p) {
    return p.name() + ":" + p.sides() + ":" + p.perimeter() + ":" + p.edges().length;
  }

  @Jit
  public static double sumPerimeters(@Size(max = 6) List<Shape> shapes) {
    double sum = 0;
    for (Shape s : shapes) {
      sum += s.perimeter();
    }
    return sum;
  }

  @Jit
  public static int sameShape(Shape a, Shape b) {
    Shape copy = a.scaled(1.0);
    return (a.equals(b) ? 1 : 0) + (a.equals(copy) ? 2 : 0) + (copy.equals(a) ? 4 : 0)
        + (a.hashCode() == copy.hashCode() ? 8 : 0) + (a.equals(null) ? 16 : 0)
        + (b != null && b.equals(copy) ? 32 : 0);
  }

  @Jit
  public static String show(Shape s) {
    return "shape " + s + " / " + String.valueOf(s);
  }

  /** Constructors that validate: a negative or NaN radius throws. */
  @Jit
  public static double newCircleArea(double r) {
    return new Circle(r).area();
  }

  @Jit
  public static double newPolygonArea(@Range(min = 0, max = 9) int sides,
                                      @Range(min = -1, max = 4) double edge) {
    Shape p = sides == 3 ? new Triangle(edge, edge, edge) : new RegularPolygon(sides, edge);
    return p.area() + Shape.unit().area();
  }

  /** Builds shapes of several classes and calls through the interface in a loop. */
  @Jit
  public static double mixedShapes(@Range(min = -1, max = 12) int n) {
    Shape[] shapes = new Shape[Math.max(n, 0)];
    for (int i = 0; i < shapes.length; i++) {
      switch (i % 4) {
        case 0 -> shapes[i] = new Circle(i);
        case 1 -> shapes[i] = new Square(i);
        case 2 -> shapes[i] = new Rect(i, i + 1);
        default -> shapes[i] = new RegularPolygon(3 + i % 5, i);
      }
    }
    double total = 0;
    for (Shape s : shapes) {
      total += s.area() / (1 + s.perimeter());
    }
    return total;
  }

  @Jit
  public static Shape largest(@NonNull @Size(max = 6) Shape[] shapes) {
    Shape best = null;
    for (Shape s : shapes) {
      if (s != null && (best == null || s.biggerThan(best))) {
        best = s;
      }
    }
    return best;
  }


  /** A variable whose exact class changes from one loop iteration to the next (a phi of
   * Circle, Square and the results of an interface call). */
  @Jit
  public static double phiOfShapes(@Range(min = -1, max = 12) int n) {
    Shape s = new Circle(1);
    double total = 0;
    for (int i = 0; i < n; i++) {
      total += s.area() + s.name().length();
      s = i % 3 == 0 ? new Square(i) : i % 3 == 1 ? s.scaled(0.5) : new Rect(i, 1);
    }
    return total + s.perimeter();
  }

  /** Null or a shape, merged: the call throws NullPointerException on the null path. */
  @Jit
  public static double phiWithNull(@Range(min = -2, max = 3) int k) {
    Shape s = null;
    if (k > 0) {
      s = k == 1 ? new Circle(k) : new Square(k);
    }
    return s.area();
  }
}
