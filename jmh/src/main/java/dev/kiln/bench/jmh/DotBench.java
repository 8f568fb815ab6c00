package dev.kiln.bench.jmh;

import dev.kiln.bench.Agreement;
import dev.kiln.bench.Inputs;
import dev.kiln.bench.KernelFns.DotFn;
import dev.kiln.bench.Kernels;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link Kernels#dot}: plain HotSpot against Kiln's typed entry. Exact by default, neither may
 * reassociate the sum, so both run one dependent chain of additions.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@State(Scope.Benchmark)
public class DotBench {
  @Param({"1024", "65536"})
  public int size;

  private double[] a;
  private double[] b;
  private DotFn entry;

  @Setup
  public void setup() {
    a = Inputs.doubles(size, 1);
    b = Inputs.doubles(size, 2);
    entry = Kernels.jit("dot").as(DotFn.class);
    Agreement.require("dot", Kernels.dot(a, b), entry.apply(a, b));
  }

  @Benchmark
  public double plain() {
    return Kernels.dot(a, b);
  }

  @Benchmark
  public double kiln() {
    return entry.apply(a, b);
  }
}
