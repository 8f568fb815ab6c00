package dev.kiln.bench.jmh;

import dev.kiln.bench.Agreement;
import dev.kiln.bench.KernelFns.SieveFn;
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
 * {@link Kernels#sieve}, which allocates its {@code boolean[n + 1]} on every call: plain
 * HotSpot against Kiln's typed entry.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@State(Scope.Benchmark)
public class SieveBench {
  @Param({"65536", "4194304"})
  public int n;

  private SieveFn entry;

  @Setup
  public void setup() {
    entry = Kernels.jit("sieve").as(SieveFn.class);
    Agreement.require("sieve", Kernels.sieve(n), entry.apply(n));
  }

  @Benchmark
  public int plain() {
    return Kernels.sieve(n);
  }

  @Benchmark
  public int kiln() {
    return entry.apply(n);
  }
}
