package dev.kiln.bench;

import dev.kiln.Dispatcher;
import dev.kiln.bench.KernelFns.DotFn;
import dev.kiln.bench.KernelFns.LongSumFn;
import dev.kiln.bench.KernelFns.MandelbrotRowFn;
import dev.kiln.bench.KernelFns.NbodyAdvanceFn;
import dev.kiln.bench.KernelFns.NbodyEnergyFn;
import dev.kiln.bench.KernelFns.SieveFn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The demo: every kernel run as plain Java and through Kiln on the same deterministic inputs,
 * answers compared bit for bit, times printed as a Markdown table.
 *
 * <pre>java -cp jmh/target/benchmarks.jar dev.kiln.bench.Demo [kernel ...]</pre>
 *
 * <p>For each kernel: compile through Kiln ({@code Kernels.jit}, {@code compile(signature)},
 * {@code as(...)}, timed together), check one answer, warm both versions up side by side, then
 * time {@link #REPS} repetitions of each, alternating, and report the best of each. Every timed
 * answer is compared too. Exit status 0 when every answer agrees, 1 when one differs or Kiln
 * failed, 2 on a bad argument. This is a quick look, not a benchmark: the JMH suite in
 * {@code dev.kiln.bench.jmh} is where figures come from.
 */
public final class Demo {
  /** Warm-up per kernel, both versions together: enough for C2 to compile both. */
  private static final long WARMUP_NANOS = 1_000_000_000L;
  /** Timed repetitions per version. */
  private static final int REPS = 10;
  /** Timing stops early past this (after 3 repetitions), so a slow kernel cannot stall the demo. */
  private static final long MEASURE_BUDGET_NANOS = 3_000_000_000L;

  private Demo() {}

  /** One kernel's run: inputs made in the constructor, one repetition per call. */
  private abstract static class Case {
    final String kernel;
    final String size;

    Case(String kernel, String size) {
      this.kernel = kernel;
      this.size = size;
    }

    /** Makes the Kiln dispatcher(s), compiles the signature, takes the typed entry. */
    abstract void compile();

    /** One repetition of the plain method; its answer. */
    abstract Object plain();

    /** One repetition through Kiln's typed entry; its answer. */
    abstract Object kiln();
  }

  private static final class Dot extends Case {
    final double[] a = Inputs.doubles(1 << 22, 1);
    final double[] b = Inputs.doubles(1 << 22, 2);
    DotFn fn;

    Dot() {
      super("dot", "2^22 doubles");
    }

    @Override void compile() {
      Dispatcher d = Kernels.jit("dot");
      d.compile(DotFn.SIGNATURE);
      fn = d.as(DotFn.class);
    }

    @Override Object plain() {
      return Kernels.dot(a, b);
    }

    @Override Object kiln() {
      return fn.apply(a, b);
    }
  }

  private static final class LongSum extends Case {
    final long[] a = Inputs.longs(1 << 22, 3);
    LongSumFn fn;

    LongSum() {
      super("longSum", "2^22 longs");
    }

    @Override void compile() {
      Dispatcher d = Kernels.jit("longSum");
      d.compile(LongSumFn.SIGNATURE);
      fn = d.as(LongSumFn.class);
    }

    @Override Object plain() {
      return Kernels.longSum(a);
    }

    @Override Object kiln() {
      return fn.apply(a);
    }
  }

  /** {@code nbodyAdvance} {@link #STEPS} times from the solar system, then {@code nbodyEnergy}. */
  private static final class Nbody extends Case {
    static final int STEPS = 200_000;
    final Bodies start = Bodies.solarSystem();
    NbodyAdvanceFn advance;
    NbodyEnergyFn energy;

    Nbody() {
      super("nbody", "5 bodies, 200k steps");
    }

    @Override void compile() {
      Dispatcher a = Kernels.jit("nbodyAdvance");
      a.compile(NbodyAdvanceFn.SIGNATURE);
      Dispatcher e = Kernels.jit("nbodyEnergy");
      e.compile(NbodyEnergyFn.SIGNATURE);
      advance = a.as(NbodyAdvanceFn.class);
      energy = e.as(NbodyEnergyFn.class);
    }

    @Override Object plain() {
      Bodies b = start.copy();
      for (int i = 0; i < STEPS; i++) {
        Kernels.nbodyAdvance(b.x, b.y, b.z, b.vx, b.vy, b.vz, b.mass, Bodies.DT);
      }
      double e = Kernels.nbodyEnergy(b.x, b.y, b.z, b.vx, b.vy, b.vz, b.mass);
      return new Object[] {e, b.arrays()};
    }

    @Override Object kiln() {
      NbodyAdvanceFn step = advance;
      Bodies b = start.copy();
      for (int i = 0; i < STEPS; i++) {
        step.apply(b.x, b.y, b.z, b.vx, b.vy, b.vz, b.mass, Bodies.DT);
      }
      double e = energy.apply(b.x, b.y, b.z, b.vx, b.vy, b.vz, b.mass);
      return new Object[] {e, b.arrays()};
    }
  }

  /** A whole image, one kernel call per row; the answer is the checksum total and the rows. */
  private static final class Mandelbrot extends Case {
    static final int SIZE = 1000;
    static final int MAX_ITER = 50;
    final byte[][] plainRows = Inputs.mandelbrotRows(SIZE, SIZE);
    final byte[][] kilnRows = Inputs.mandelbrotRows(SIZE, SIZE);
    MandelbrotRowFn fn;

    Mandelbrot() {
      super("mandelbrotRow", "1000x1000, 50 iterations");
    }

    @Override void compile() {
      Dispatcher d = Kernels.jit("mandelbrotRow");
      d.compile(MandelbrotRowFn.SIGNATURE);
      fn = d.as(MandelbrotRowFn.class);
    }

    @Override Object plain() {
      long checksum = 0;
      for (int y = 0; y < SIZE; y++) {
        checksum += Kernels.mandelbrotRow(y, SIZE, SIZE, MAX_ITER, plainRows[y]);
      }
      return new Object[] {checksum, plainRows};
    }

    @Override Object kiln() {
      MandelbrotRowFn row = fn;
      long checksum = 0;
      for (int y = 0; y < SIZE; y++) {
        checksum += row.apply(y, SIZE, SIZE, MAX_ITER, kilnRows[y]);
      }
      return new Object[] {checksum, kilnRows};
    }
  }

  private static final class Sieve extends Case {
    static final int N = 5_000_000;
    SieveFn fn;

    Sieve() {
      super("sieve", "n = 5,000,000");
    }

    @Override void compile() {
      Dispatcher d = Kernels.jit("sieve");
      d.compile(SieveFn.SIGNATURE);
      fn = d.as(SieveFn.class);
    }

    @Override Object plain() {
      return Kernels.sieve(N);
    }

    @Override Object kiln() {
      return fn.apply(N);
    }
  }

  /** One row of the table; {@code failure} set when Kiln threw. */
  private record Row(Case c, double plainMs, double kilnMs, double compileMs, boolean agree,
                     Throwable failure, String detail) {}

  public static void main(String[] args) {
    Map<String, Supplier<Case>> all = new LinkedHashMap<>();
    all.put("dot", Dot::new);
    all.put("longSum", LongSum::new);
    all.put("nbody", Nbody::new);
    all.put("mandelbrotRow", Mandelbrot::new);
    all.put("sieve", Sieve::new);
    List<String> chosen = args.length == 0 ? List.copyOf(all.keySet()) : List.of(args);
    for (String name : chosen) {
      if (!all.containsKey(name)) {
        System.err.println("unknown kernel '" + name + "'; the kernels are " + all.keySet());
        System.exit(2);
      }
    }

    System.out.printf("Kiln demo on %s %s (%s), %d CPUs%n", System.getProperty("java.vm.name"),
        System.getProperty("java.runtime.version"), System.getProperty("java.vm.vendor"),
        Runtime.getRuntime().availableProcessors());
    if (kilnDisabled()) {
      System.out.println("Kiln is disabled (kiln.disable / KILN_DISABLE_JIT): "
          + "the Kiln column runs the original methods.");
    }
    System.out.println();

    List<Row> rows = new ArrayList<>();
    for (String name : chosen) {
      Case c = all.get(name).get();
      System.err.printf("running %s (%s)...%n", c.kernel, c.size);
      rows.add(run(c));
    }
    print(rows);
    boolean ok = rows.stream().allMatch(r -> r.agree && r.failure == null);
    System.exit(ok ? 0 : 1);
  }

  private static Row run(Case c) {
    long t0 = System.nanoTime();
    try {
      c.compile();
    } catch (Throwable t) {
      return failed(c, t, "compiling");
    }
    double compileMs = (System.nanoTime() - t0) / 1e6;

    Object expected;
    Object actual;
    try {
      expected = c.plain();
      actual = c.kiln();
    } catch (Throwable t) {
      return failed(c, t, "the first call");
    }
    if (!Agreement.same(expected, actual)) {
      return new Row(c, Double.NaN, Double.NaN, compileMs, false, null,
          "the first call differs " + Agreement.difference(expected, actual));
    }

    try {
      long end = System.nanoTime() + WARMUP_NANOS;
      int calls = 0;
      while (calls < 3 || System.nanoTime() < end) {
        c.plain();
        c.kiln();
        calls++;
      }
      long bestPlain = Long.MAX_VALUE;
      long bestKiln = Long.MAX_VALUE;
      long stop = System.nanoTime() + MEASURE_BUDGET_NANOS;
      for (int rep = 0; rep < REPS && (rep < 3 || System.nanoTime() < stop); rep++) {
        long a = System.nanoTime();
        Object p = c.plain();
        long b = System.nanoTime();
        Object k = c.kiln();
        long e = System.nanoTime();
        bestPlain = Math.min(bestPlain, b - a);
        bestKiln = Math.min(bestKiln, e - b);
        if (!Agreement.same(p, k)) {
          return new Row(c, bestPlain / 1e6, bestKiln / 1e6, compileMs, false, null,
              "repetition " + rep + " differs " + Agreement.difference(p, k));
        }
      }
      return new Row(c, bestPlain / 1e6, bestKiln / 1e6, compileMs, true, null, null);
    } catch (Throwable t) {
      return failed(c, t, "a timed call");
    }
  }

  private static Row failed(Case c, Throwable t, String when) {
    return new Row(c, Double.NaN, Double.NaN, Double.NaN, false, t, "failed in " + when);
  }

  private static void print(List<Row> rows) {
    String fmt = "| %-40s | %10s | %10s | %10s | %10s | %-5s |%n";
    System.out.printf(fmt, "kernel", "plain ms", "Kiln ms", "plain/Kiln", "compile ms", "agree");
    System.out.println("|" + "-".repeat(42) + ("|" + "-".repeat(12)).repeat(4) + "|"
        + "-".repeat(7) + "|");
    for (Row r : rows) {
      String agree = r.failure != null ? "ERROR" : r.agree ? "yes" : "NO";
      System.out.printf(fmt, r.c.kernel + " (" + r.c.size + ")", ms(r.plainMs), ms(r.kilnMs),
          ratio(r.plainMs, r.kilnMs), Double.isNaN(r.compileMs) ? "-"
              : String.format(Locale.ROOT, "%.1f", r.compileMs), agree);
    }
    System.out.println();
    System.out.println("plain/Kiln > 1 means the Kiln specialization ran faster. Times are the"
        + " best of up to " + REPS + " repetitions after a warm-up of about "
        + WARMUP_NANOS / 1_000_000_000L + " s;");
    System.out.println("compile ms is Kiln.jit + compile(signature) + as(...), cold: the first"
        + " kernel also pays for loading Kiln itself.");
    for (Row r : rows) {
      if (r.detail != null) {
        System.out.println();
        System.out.println(r.c.kernel + ": " + r.detail);
        if (r.failure != null) {
          r.failure.printStackTrace(System.out);
        }
      }
    }
  }

  private static String ms(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
  }

  private static String ratio(double plain, double kiln) {
    return Double.isNaN(plain) || Double.isNaN(kiln) || kiln == 0 ? "-"
        : String.format(Locale.ROOT, "%.2fx", plain / kiln);
  }

  private static boolean kilnDisabled() {
    String env = System.getenv("KILN_DISABLE_JIT");
    return Boolean.getBoolean("kiln.disable")
        || (env != null && !env.isEmpty() && !env.equals("0"));
  }
}
