package dev.kiln.bench.jmh;

import dev.kiln.bench.Agreement;
import dev.kiln.bench.Inputs;
import dev.kiln.bench.KernelFns.MandelbrotRowFn;
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
 * A whole {@code size x size} Mandelbrot image, 50 iterations, one {@link Kernels#mandelbrotRow}
 * call per row: plain HotSpot against Kiln's typed entry.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@State(Scope.Benchmark)
public class MandelbrotBench {
  private static final int MAX_ITER = 50;

  @Param({"256", "1024"})
  public int size;

  private byte[][] rows;
  private MandelbrotRowFn entry;

  @Setup
  public void setup() {
    rows = Inputs.mandelbrotRows(size, size);
    entry = Kernels.jit("mandelbrotRow").as(MandelbrotRowFn.class);
    long plainSum = plain();
    byte[][] plainRows = rows;
    rows = Inputs.mandelbrotRows(size, size);
    long kilnSum = kiln();
    Agreement.require("mandelbrotRow", new Object[] {plainSum, plainRows},
        new Object[] {kilnSum, rows});
  }

  @Benchmark
  public long plain() {
    byte[][] out = rows;
    long checksum = 0;
    for (int y = 0; y < size; y++) {
      checksum += Kernels.mandelbrotRow(y, size, size, MAX_ITER, out[y]);
    }
    return checksum;
  }

  @Benchmark
  public long kiln() {
    MandelbrotRowFn row = entry;
    byte[][] out = rows;
    long checksum = 0;
    for (int y = 0; y < size; y++) {
      checksum += row.apply(y, size, size, MAX_ITER, out[y]);
    }
    return checksum;
  }
}
