package dev.kiln.bench.jmh;

import dev.kiln.bench.Agreement;
import dev.kiln.bench.Bodies;
import dev.kiln.bench.KernelFns.NbodyAdvanceFn;
import dev.kiln.bench.Kernels;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One {@link Kernels#nbodyAdvance} step: plain HotSpot against Kiln's typed entry. Five bodies
 * is the Benchmarks Game's solar system; 256 is a deterministic cluster where the O(n^2) pair
 * loop dominates. The state restarts from the same bodies at every iteration.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@State(Scope.Benchmark)
public class NbodyBench {
  /** Steps compared in setup. */
  private static final int CHECK_STEPS = 1000;

  @Param({"5", "256"})
  public int bodies;

  private Bodies start;
  private Bodies state;
  private NbodyAdvanceFn entry;

  @Setup(Level.Trial)
  public void setup() {
    start = bodies == 5 ? Bodies.solarSystem() : Bodies.cluster(bodies, 11);
    entry = Kernels.jit("nbodyAdvance").as(NbodyAdvanceFn.class);
    Bodies p = start.copy();
    Bodies k = start.copy();
    for (int i = 0; i < CHECK_STEPS; i++) {
      Kernels.nbodyAdvance(p.x, p.y, p.z, p.vx, p.vy, p.vz, p.mass, Bodies.DT);
      entry.apply(k.x, k.y, k.z, k.vx, k.vy, k.vz, k.mass, Bodies.DT);
    }
    Agreement.require("nbodyAdvance", p.arrays(), k.arrays());
  }

  @Setup(Level.Iteration)
  public void restart() {
    state = start.copy();
  }

  @Benchmark
  public void plain() {
    Bodies b = state;
    Kernels.nbodyAdvance(b.x, b.y, b.z, b.vx, b.vy, b.vz, b.mass, Bodies.DT);
  }

  @Benchmark
  public void kiln() {
    Bodies b = state;
    entry.apply(b.x, b.y, b.z, b.vx, b.vy, b.vz, b.mass, Bodies.DT);
  }
}
