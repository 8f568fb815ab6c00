package dev.kiln.e2e.objects.corpus;

import dev.kiln.Jit;
import dev.kiln.e2e.NonNull;
import dev.kiln.e2e.Range;
import dev.kiln.e2e.Size;
import dev.kiln.e2e.objects.Sample;
import java.lang.invoke.MethodHandles;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

/**
 * The class model as javac emits it: static nested classes with fields, inner classes (an
 * implicit {@code this$0}), anonymous and local classes capturing locals, private fields and
 * methods of other objects of the same class (nestmates), interface default and static methods,
 * {@code super} calls, constructor chaining, overloads chosen at compile time, abstract template
 * methods, generic classes (erasure and checkcasts), static initializers, and objects passed in
 * and mutated with putfield.
 */
public final class ClassModelCorpus {
  static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

  private int outerField;

  private ClassModelCorpus(int outerField) {
    this.outerField = outerField;
  }

  // ---------------------------------------------------------------- nested types

  static final class Node {
    final int value;
    Node next;

    Node(int value, Node next) {
      this.value = value;
      this.next = next;
    }
  }

  /** A mutable vector with fields read and written by other code. */
  public static final class Vec2 {
    double x;
    double y;

    public Vec2(double x, double y) {
      this.x = x;
      this.y = y;
    }

    public Vec2() {
      this(0, 0); // constructor chaining
    }

    Vec2 add(Vec2 o) {
      x += o.x;
      y += o.y;
      return this;
    }

    Vec2 scale(double k) {
      x *= k;
      y *= k;
      return this;
    }

    double length() {
      return Math.hypot(x, y);
    }

    @Sample
    static Vec2 sample(Random r) {
      return r.nextInt(10) == 0 ? null : new Vec2(r.nextInt(11) - 5, r.nextDouble());
    }
  }

  /** An inner class: reads and writes the enclosing instance's private field. */
  final class Counter {
    private int count;

    void inc() {
      count++;
      outerField += 10;
    }

    int total() {
      return count + outerField;
    }
  }

  /** Private fields of another object of the same class. */
  static final class Account {
    private long balance;
    private final String owner;

    Account(String owner, long balance) {
      this.owner = owner;
      this.balance = balance;
    }

    private boolean canPay(long amount) {
      return amount >= 0 && balance >= amount;
    }

    boolean transferTo(Account other, long amount) {
      if (!canPay(amount)) {
        return false;
      }
      balance -= amount;
      other.balance += amount;
      return other.canPay(0);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Account a && a.balance == balance && a.owner.equals(owner);
    }

    @Override
    public int hashCode() {
      return owner.hashCode() * 31 + Long.hashCode(balance);
    }
  }

  interface Greeter {
    String name();

    default String greet() {
      return "Hello, " + name() + "!";
    }

    default String greetTwice() {
      return greet() + " " + greet();
    }

    static Greeter of(String n) {
      return () -> n;
    }
  }

  static final class LoudGreeter implements Greeter {
    @Override
    public String name() {
      return "WORLD";
    }

    @Override
    public String greet() {
      return Greeter.super.greet().toUpperCase(java.util.Locale.ROOT);
    }
  }

  static class Base {
    protected int level;

    Base(int level) {
      this.level = level;
    }

    String describe() {
      return "base" + level;
    }

    int weight() {
      return 1;
    }

    int total() {
      return weight() * 10 + level; // virtual: a subclass changes weight()
    }
  }

  static class Derived extends Base {
    Derived(int level) {
      super(level + 1);
    }

    @Override
    String describe() {
      return "derived(" + super.describe() + ")";
    }

    @Override
    int weight() {
      return super.weight() + 2;
    }
  }

  static final class MoreDerived extends Derived {
    MoreDerived() {
      super(100);
    }

    @Override
    String describe() {
      return "more:" + super.describe();
    }
  }

  abstract static class Template {
    final int run(int x) {
      return finish(step(begin(x)));
    }

    int begin(int x) {
      return x + 1;
    }

    abstract int step(int x);

    int finish(int x) {
      return x * 2;
    }
  }

  static final class Doubler extends Template {
    @Override
    int step(int x) {
      return x * 2;
    }
  }

  static final class Negator extends Template {
    @Override
    int step(int x) {
      return -x;
    }

    @Override
    int finish(int x) {
      return x - 1;
    }
  }

  static final class Box<T> {
    private T value;

    Box(T value) {
      this.value = value;
    }

    T get() {
      return value;
    }

    void set(T v) {
      value = v;
    }

    <R> Box<R> map(java.util.function.Function<? super T, ? extends R> f) {
      return new Box<>(f.apply(value));
    }
  }

  /** A table computed by a static initializer. */
  static final class Constants {
    static final int[] TABLE;
    static final String NAME;

    static {
      TABLE = new int[16];
      for (int i = 0; i < TABLE.length; i++) {
        TABLE[i] = i * i - 3 * i;
      }
      NAME = "constants" + TABLE.length;
    }
  }

  static final class Registry {
    static int created;
    final int id;

    Registry() {
      id = ++created;
    }
  }

  static final class Defaults {
    int i;
    long l;
    double d;
    boolean z;
    String s;
    int[] a;
    int initialized = 42;
    String named = "n" + initialized;
  }

  // ---------------------------------------------------------------- overloads

  static String f(int x) {
    return "int";
  }

  static String f(long x) {
    return "long";
  }

  static String f(double x) {
    return "double";
  }

  static String f(Integer x) {
    return "Integer";
  }

  static String f(Object x) {
    return "Object";
  }

  static String f(String x) {
    return "String";
  }

  static String f(int... xs) {
    return "varargs" + xs.length;
  }

  // ---------------------------------------------------------------- methods

  @Jit
  public static int linkedListSum(@Size(max = 12) int[] xs) {
    Node head = null;
    for (int x : xs) {
      head = new Node(x, head);
    }
    int s = 0;
    int i = 1;
    for (Node n = head; n != null; n = n.next) {
      s += n.value * i++;
    }
    return s;
  }

  @Jit
  public static int reverseLinkedList(@Size(max = 12) int[] xs) {
    Node head = null;
    for (int i = xs.length - 1; i >= 0; i--) {
      head = new Node(xs[i], head);
    }
    Node prev = null;
    while (head != null) {
      Node next = head.next;
      head.next = prev;
      prev = head;
      head = next;
    }
    return prev == null ? -1 : prev.value * 1000 + (prev.next == null ? 0 : prev.next.value);
  }

  @Jit
  public static double vectors(double x, double y) {
    Vec2 v = new Vec2(x, y);
    Vec2 w = new Vec2();
    w.add(v).add(v).scale(0.5);
    return w.length() + v.x - w.y;
  }

  /** Writes the fields of an argument (compared afterwards). */
  @Jit
  public static double mutateArgument(Vec2 v, @Range(min = -3, max = 3) double k) {
    v.scale(k);
    v.x += 1;
    return v.length();
  }

  @Jit
  public static int innerClass(@Range(min = -1, max = 10) int n) {
    ClassModelCorpus outer = new ClassModelCorpus(n);
    Counter c = outer.new Counter();
    Counter d = outer.new Counter();
    for (int i = 0; i < n; i++) {
      c.inc();
    }
    d.inc();
    return c.total() * 1000 + d.total() + outer.outerField;
  }

  @Jit
  public static long privateFieldsOfOthers(@Range(min = -10, max = 100) long a,
                                           @Range(min = -10, max = 100) long amount) {
    Account x = new Account("x", a);
    Account y = new Account("y", 5);
    boolean ok = x.transferTo(y, amount);
    return (ok ? 1_000_000 : 0) + x.balance * 1000 + y.balance;
  }

  @Jit
  public static String defaultMethods(@Range(min = 0, max = 2) int k) {
    Greeter g = k == 0 ? new LoudGreeter() : Greeter.of("n" + k);
    return g.greetTwice();
  }

  @Jit
  public static String superCalls(@Range(min = 0, max = 2) int k) {
    Base b = switch (k) {
      case 0 -> new Base(k);
      case 1 -> new Derived(k);
      default -> new MoreDerived();
    };
    return b.describe() + ":" + b.total() + ":" + b.level;
  }

  @Jit
  public static String overloads(int i, long l, double d, String s) {
    Integer boxed = i;
    Object o = s;
    return f(i) + f(l) + f(d) + f(boxed) + f(o) + f(s) + f((short) i) + f('c') + f(i, i)
        + f();
  }

  @Jit
  public static int templateMethod(int x) {
    Template t = x % 2 == 0 ? new Doubler() : new Negator();
    return t.run(x);
  }

  @Jit
  public static int genericBox(int x) {
    Box<Integer> b = new Box<>(x);
    b.set(b.get() + 1);
    Box<String> s = b.map(v -> "v" + v);
    return b.get() + s.get().length();
  }

  @Jit
  public static int staticInitializerTable(@Range(min = -1, max = 16) int i) {
    return Constants.TABLE[i] + Constants.NAME.length();
  }

  @Jit
  public static String fieldDefaults() {
    Defaults d = new Defaults();
    return d.i + " " + d.l + " " + d.d + " " + d.z + " " + d.s + " " + (d.a == null) + " "
        + d.initialized + " " + d.named;
  }

  @Jit
  public static double arrayOfObjects(@Range(min = -1, max = 8) int n,
                                      @Range(min = 0, max = 9) int filled) {
    Vec2[] vs = new Vec2[Math.max(n, 0)];
    for (int i = 0; i < Math.min(filled, vs.length); i++) {
      vs[i] = new Vec2(i, -i);
    }
    double s = 0;
    for (Vec2 v : vs) {
      s += v.length(); // a slot left null throws NullPointerException
    }
    return s;
  }

  @Jit
  public static int anonymousClass(int x) {
    int captured = x * 2;
    Template t = new Template() {
      @Override
      int step(int v) {
        return v + captured;
      }
    };
    return t.run(x);
  }

  @Jit
  public static String localClass(int x) {
    final class Pair {
      final int a;
      final int b;

      Pair(int a, int b) {
        this.a = a;
        this.b = b;
      }

      int sum() {
        return a + b + x;
      }
    }
    Pair p = new Pair(x, x + 1);
    return p.a + "+" + p.b + "=" + p.sum();
  }

  @Jit
  public static int equalsAndHashSet(@Range(min = 0, max = 3) long a,
                                     @Range(min = 0, max = 3) long b) {
    Set<Account> set = new HashSet<>();
    set.add(new Account("p", a));
    set.add(new Account("p", b));
    set.add(new Account("q", a));
    return set.size() * 10 + (new Account("p", a).equals(new Account("p", b)) ? 1 : 0);
  }

  @Jit
  public static int staticFieldOfNestedClass(@Range(min = 0, max = 5) int n) {
    int before = Registry.created;
    Registry last = null;
    for (int i = 0; i < n; i++) {
      last = new Registry();
    }
    return Registry.created - before + (last == null ? 0 : 100);
  }

  @Jit
  public static int interfaceStaticAndDefault(String name) {
    Greeter g = Greeter.of(name);
    return g.greet().length() + g.name().hashCode() % 7;
  }

  @Jit
  public static boolean instanceofHierarchy(@Range(min = 0, max = 3) int k) {
    Object o = switch (k) {
      case 0 -> new Base(0);
      case 1 -> new Derived(0);
      case 2 -> new MoreDerived();
      default -> "none";
    };
    return o instanceof Derived d && d.weight() == 3 && !(o instanceof MoreDerived);
  }

  @Jit
  public static int linkedCycle(@Range(min = 1, max = 10) int n, @Range(min = 0, max = 30) int steps) {
    Node first = new Node(0, null);
    Node last = first;
    for (int i = 1; i < n; i++) {
      last.next = new Node(i, null);
      last = last.next;
    }
    last.next = first;
    Node cur = first;
    for (int i = 0; i < steps; i++) {
      cur = cur.next;
    }
    return cur.value;
  }

  @Jit
  public static double vectorArgs(@NonNull Vec2 a, Vec2 b) {
    return a.add(b).length();
  }


  /** An inner-class creation on a null outer instance throws NullPointerException. */
  @Jit
  public static int innerOfNullOuter(int x) {
    ClassModelCorpus o = x > 0 ? new ClassModelCorpus(x) : null;
    Counter c = o.new Counter();
    c.inc();
    return c.total();
  }

  /** Fields of objects in an array, updated with compound assignments. */
  @Jit
  public static double objectArrayFieldUpdates(@Size(max = 6) @NonNull double[] xs) {
    Vec2[] vs = new Vec2[xs.length];
    for (int i = 0; i < vs.length; i++) {
      vs[i] = new Vec2(xs[i], i);
    }
    for (int i = 0; i < vs.length; i++) {
      vs[i].x += vs[(i + 1) % vs.length].y;
      vs[i].y *= 2;
    }
    double s = 0;
    for (Vec2 v : vs) {
      s += v.x - v.y;
    }
    return s;
  }

  /** The arguments of a constructor throw before the object exists. */
  @Jit
  public static double newWithThrowingArguments(@Size(min = 2, max = 6) int[] a,
                                                @Range(min = -1, max = 3) int i) {
    Vec2 v = new Vec2(a[i], 10 / i);
    return v.length();
  }

  interface Labeled {
    String label();

    private String decorate(String s) {
      return "<" + s + ">";
    }

    default String decorated() {
      return decorate(label());
    }
  }

  /** A private interface method called from a default method. */
  @Jit
  public static String privateInterfaceMethod(String s) {
    Labeled l = () -> s;
    return l.decorated();
  }


  /** A caller-sensitive JDK method: the lookup belongs to the class whose code calls it. */
  @Jit
  public static String callerSensitiveLookup(int x) {
    MethodHandles.Lookup l = MethodHandles.lookup();
    return l.lookupClass().getName() + ":" + x;
  }

  /** An assert statement: reads this class's synthetic $assertionsDisabled (surefire runs
   * with -ea, so a failing assertion throws AssertionError with its message). */
  @Jit
  public static int assertStatement(int x) {
    assert x >= 0 : "negative " + x;
    return x * 2;
  }

  static final class Cell implements Cloneable {
    int[] values;
    String name;

    Cell(int[] values, String name) {
      this.values = values;
      this.name = name;
    }

    @Override
    public Cell clone() {
      try {
        Cell c = (Cell) super.clone();
        c.values = values.clone();
        return c;
      } catch (CloneNotSupportedException e) {
        throw new AssertionError(e);
      }
    }
  }

  /** super.clone() (Object.clone through invokespecial) and an array clone in it. */
  @Jit
  public static String cloneObject(@NonNull @Size(max = 4) int[] xs) {
    Cell a = new Cell(xs, "a");
    Cell b = a.clone();
    b.values[0] = 99;
    b.name = "b";
    return a.name + a.values[0] + b.name + b.values[0] + (a != b) + (a.getClass() == b.getClass());
  }

  @Jit
  public static double multiDimObjectArray(@Range(min = 0, max = 4) int n, @Range(min = 0, max = 4) int m) {
    Vec2[][] grid = new Vec2[n][m];
    double s = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < m; j++) {
        grid[i][j] = new Vec2(i, j);
      }
    }
    for (Vec2[] row : grid) {
      for (Vec2 v : row) {
        s += v.length();
      }
    }
    return s + grid.length * 100 + (n > 0 ? grid[0].length : -1);
  }

  /** Object identity: equals without an override is ==, and two equal objects are not the
   * same object. */
  @Jit
  public static String identityEquals(int x) {
    Node a = new Node(x, null);
    Node b = a;
    Node c = new Node(x, null);
    return a.equals(b) + "," + a.equals(c) + "," + (a == b) + "," + (a == c) + ","
        + (System.identityHashCode(a) == System.identityHashCode(b));
  }

  // a superclass's method and a superinterface's default of the same name: the class's wins

  interface Scales {
    default int scale(int x) {
      return 2 * x;
    }
  }

  static class Triples {
    public int scale(int x) {
      return 3 * x;
    }
  }

  static final class ClassWins extends Triples implements Scales {
  }

  static final class DefaultOnly implements Scales {
  }

  @Jit
  public static int classMethodWinsOverDefault(int x, boolean viaDefault) {
    Scales s = viaDefault ? new DefaultOnly() : new ClassWins();
    return s.scale(x) + new ClassWins().scale(x + 1);
  }
}
