package dev.kiln.bench.jmh;

import dev.kiln.bench.Agreement;
import dev.kiln.bench.Inputs;
import dev.kiln.bench.KernelFns.LongSumFn;
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

/** {@link Kernels#longSum}: plain HotSpot against Kiln's typed entry. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@State(Scope.Benchmark)
public class LongSumBench {
  @Param({"1024", "65536"})
  public int size;

  private long[] a;
  private LongSumFn entry;

  @Setup
  public void setup() {
    a = Inputs.longs(size, 3);
    entry = Kernels.jit("longSum").as(LongSumFn.class);
    Agreement.require("longSum", Kernels.longSum(a), entry.apply(a));
  }

  @Benchmark
  public long plain() {
    return Kernels.longSum(a);
  }

  @Benchmark
  public long kiln() {
    return entry.apply(a);
  }
}
