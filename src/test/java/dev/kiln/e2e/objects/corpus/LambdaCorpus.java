package dev.kiln.e2e.objects.corpus;

import dev.kiln.Jit;
import dev.kiln.e2e.NonNull;
import dev.kiln.e2e.Range;
import dev.kiln.e2e.Size;
import dev.kiln.e2e.objects.Sample;
import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.DoublePredicate;
import java.util.function.Function;
import java.util.function.IntBinaryOperator;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * Lambdas and method references created in the method and called through their functional
 * interface: non-capturing, capturing locals, arrays and {@code this}, nested lambdas, static,
 * bound, unbound, private and constructor method references, JDK default methods that compose
 * them ({@code andThen}, {@code thenComparing}), and lambdas that throw.
 */
public final class LambdaCorpus {
  static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

  private final int base;
  private final String tag;

  LambdaCorpus(int base, String tag) {
    this.base = base;
    this.tag = tag;
  }

  @Sample
  static LambdaCorpus sample(Random r) {
    return new LambdaCorpus(r.nextInt(41) - 20, r.nextInt(5) == 0 ? null : "t" + r.nextInt(9));
  }

  /** A functional interface of the corpus, with a default method. */
  @FunctionalInterface
  public interface TriFunction {
    int apply(int a, int b, int c);

    default TriFunction twice() {
      return (a, b, c) -> apply(apply(a, b, c), b, c);
    }
  }

  private static int privateHelper(int x) {
    return x * 7 - 1;
  }

  @Jit
  public static int nonCapturing(int x) {
    IntUnaryOperator f = y -> y * 2 + 1;
    return f.applyAsInt(x) * 3 + f.applyAsInt(x >> 1);
  }

  @Jit
  public static int capturingLocals(int x, int k) {
    int offset = k * 3;
    IntBinaryOperator f = (a, b) -> a * b + offset + x;
    return f.applyAsInt(x, k);
  }

  @Jit
  public static int capturingArray(int[] xs) {
    int[] total = {0};
    Runnable r = () -> {
      for (int x : xs) {
        total[0] += x;
      }
    };
    r.run();
    r.run();
    return total[0];
  }

  @Jit
  public static String staticMethodRef(@Size(max = 6) int[] xs) {
    IntFunction<String> f = Integer::toString;
    StringBuilder sb = new StringBuilder();
    for (int x : xs) {
      sb.append(f.apply(x)).append(';');
    }
    return sb.toString();
  }

  @Jit
  public static int unboundMethodRef(@Size(max = 6) @NonNull String[] words) {
    ToIntFunction<String> len = String::length;
    int s = 0;
    for (String w : words) {
      s += w == null ? 100 : len.applyAsInt(w);
    }
    return s;
  }

  /** A bound method reference on null throws when it is created. */
  @Jit
  public static String boundMethodRef(String s, String suffix) {
    Function<String, String> f = s::concat;
    return f.apply(suffix);
  }

  @Jit
  public static int constructorRefs(@Range(min = 0, max = 10) int n) {
    Supplier<List<Integer>> make = ArrayList::new;
    IntFunction<int[]> arrays = int[]::new;
    List<Integer> xs = make.get();
    int[] a = arrays.apply(n);
    for (int i = 0; i < n; i++) {
      xs.add(i);
      a[i] = i * i;
    }
    return xs.size() * 1000 + Arrays.stream(a).sum();
  }

  @Jit
  public static int privateMethodRef(int x) {
    IntUnaryOperator f = LambdaCorpus::privateHelper;
    return f.andThen(LambdaCorpus::privateHelper).applyAsInt(x);
  }

  @Jit
  public static int composeFunctions(@Range(min = -1000, max = 1000) int x) {
    Function<Integer, Integer> inc = a -> a + 1;
    Function<Integer, Integer> triple = a -> a * 3;
    return inc.andThen(triple).compose(triple).apply(x);
  }

  @Jit
  public static int customFunctional(int a, int b, int c) {
    TriFunction f = (x, y, z) -> x * y - z;
    return f.twice().apply(a, b, c);
  }

  @Jit
  public static int lambdasInLoop(@Range(min = -1, max = 10) int n) {
    List<IntUnaryOperator> fs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int k = i;
      fs.add(x -> x * k + 1);
    }
    int acc = 1;
    for (IntUnaryOperator f : fs) {
      acc = f.applyAsInt(acc) % 100003;
    }
    return acc;
  }

  @Jit
  public static int recursiveLambda(@Range(min = -1, max = 12) int n) {
    IntUnaryOperator[] fact = new IntUnaryOperator[1];
    fact[0] = k -> k <= 1 ? 1 : k * fact[0].applyAsInt(k - 1);
    return fact[0].applyAsInt(n);
  }

  @Jit
  public static String[] comparatorSort(@Size(max = 8) @NonNull String[] words) {
    String[] copy = words.clone();
    for (int i = 0; i < copy.length; i++) {
      if (copy[i] == null) {
        copy[i] = "";
      }
    }
    Arrays.sort(copy, Comparator.comparing(String::length)
        .thenComparing(Comparator.reverseOrder()));
    return copy;
  }

  @Jit
  public static int lambdaThrows(int x) {
    IntUnaryOperator f = y -> {
      if (y < 0) {
        throw new IllegalArgumentException("negative: " + y);
      }
      return y / (y - 3);
    };
    return f.applyAsInt(x);
  }

  @Jit
  public static int predicates(double[] xs) {
    DoublePredicate positive = d -> d > 0;
    DoublePredicate small = d -> Math.abs(d) < 10;
    DoublePredicate both = positive.and(small).or(Double::isNaN).negate();
    int n = 0;
    for (double d : xs) {
      if (both.test(d)) {
        n++;
      }
    }
    return n;
  }

  @Jit
  public static long supplier(long x) {
    long[] calls = {0};
    LongSupplier s = () -> {
      calls[0]++;
      return x * calls[0];
    };
    return s.getAsLong() + s.getAsLong() * 10 + calls[0] * 100;
  }

  @Jit
  public static int biFunction(String a, String b) {
    BiFunction<String, String, Integer> f = (p, q) -> p.length() - q.length();
    return f.andThen(r -> r * 2).apply(a, b);
  }

  @Jit
  public static int nestedLambdas(int x) {
    IntFunction<IntUnaryOperator> adder = a -> b -> a + b + x;
    return adder.apply(3).applyAsInt(4) + adder.apply(x).applyAsInt(x);
  }

  /** An instance method whose lambda captures {@code this}. */
  @Jit
  public int addBase(@Size(max = 8) int[] xs) {
    IntUnaryOperator f = v -> v + base;
    int s = 0;
    for (int x : xs) {
      s += f.applyAsInt(x);
    }
    return s;
  }

  /** A bound method reference on {@code this}, and one on a field. */
  @Jit
  public String taggedWith(String s) {
    Function<String, String> f = this::tagged;
    Supplier<Integer> len = tag::length;
    return f.apply(s) + len.get();
  }

  private String tagged(String s) {
    return tag + ":" + s + ":" + base;
  }


  /** A functional interface whose arguments are lambdas of several (hidden) classes. */
  @FunctionalInterface
  public interface IntOp {
    int apply(int a, int b);

    @Sample
    static IntOp sample(Random r) {
      int k = r.nextInt(7) - 3;
      return switch (r.nextInt(5)) {
        case 0 -> (a, b) -> a + b;
        case 1 -> Math::max;
        case 2 -> (a, b) -> a * k - b;
        case 3 -> Integer::compare;
        default -> null;
      };
    }
  }

  /** A parameter holding lambdas and method references: each is its own exact class. */
  @Jit
  public static int applyOp(IntOp op, int a, int b) {
    return op.apply(a, b);
  }

  @Jit
  public static int foldOps(@Size(max = 5) @NonNull IntOp[] ops, @Range(min = -5, max = 5) int seed) {
    int acc = seed;
    for (IntOp op : ops) {
      acc = op == null ? acc : op.apply(acc, seed + 1);
    }
    return acc;
  }

  /** A lambda that throws, invoked by JDK code (List.forEach). */
  @Jit
  public static int forEachThrows(@Size(max = 6) java.util.List<Integer> xs) {
    int[] seen = {0};
    xs.forEach(x -> {
      if (x < 0) {
        throw new IllegalStateException("negative element " + x + " after " + seen[0]);
      }
      seen[0]++;
    });
    return seen[0];
  }
}
