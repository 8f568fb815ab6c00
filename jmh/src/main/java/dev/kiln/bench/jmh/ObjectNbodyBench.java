package dev.kiln.bench.jmh;

import dev.kiln.bench.Agreement;
import dev.kiln.bench.Bodies;
import dev.kiln.bench.Kernels;
import dev.kiln.bench.ObjectInputs;
import dev.kiln.bench.ObjectKernelFns.AdvanceFn;
import dev.kiln.bench.ObjectKernelFns.EnergyFn;
import dev.kiln.bench.ObjectKernels;
import dev.kiln.bench.ObjectKernels.Body;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One {@link ObjectKernels#advance} step of the Benchmarks Game's solar system held as five
 * {@link Body} objects: plain HotSpot against Kiln's typed entry. {@code Body} is final, so
 * there is nothing to devirtualize: this measures field access through objects, against
 * {@link NbodyBench}'s parallel arrays. Each path has its own copy of the bodies, restarted
 * from the same state at every iteration.
 *
 * <p>The setup runs {@link #CHECK_STEPS} steps on each path and requires the same bodies, bit
 * for bit, as each other and as the array kernel {@link Kernels#nbodyAdvance}; the same energy
 * from plain {@link ObjectKernels#energy} and Kiln's; and that energy to be the Benchmarks
 * Game's figure after 1000 steps.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@State(Scope.Benchmark)
public class ObjectNbodyBench {
  /** Steps compared in setup. */
  private static final int CHECK_STEPS = 1000;
  /** The Benchmarks Game's energy after 1000 steps, to its printed nine decimals. */
  private static final double ENERGY_AFTER_1000 = -0.169087605;

  private Body[] start;
  private Body[] plainState;
  private Body[] kilnState;
  private AdvanceFn entry;

  @Setup(Level.Trial)
  public void setup() {
    start = ObjectInputs.solarSystem();
    entry = ObjectKernels.jit("advance").as(AdvanceFn.class);
    EnergyFn energy = ObjectKernels.jit("energy").as(EnergyFn.class);

    Body[] p = ObjectInputs.copy(start);
    Body[] k = ObjectInputs.copy(start);
    Bodies arrays = Bodies.solarSystem();
    Agreement.require("energy at start", ObjectKernels.energy(p), energy.apply(k));
    for (int i = 0; i < CHECK_STEPS; i++) {
      ObjectKernels.advance(p, Bodies.DT);
      entry.apply(k, Bodies.DT);
      Kernels.nbodyAdvance(arrays.x, arrays.y, arrays.z, arrays.vx, arrays.vy, arrays.vz,
          arrays.mass, Bodies.DT);
    }
    Agreement.require("advance", ObjectInputs.fields(p), ObjectInputs.fields(k));
    Agreement.require("advance (objects against arrays)", arrays.arrays(),
        ObjectInputs.arrays(p));
    double e = ObjectKernels.energy(p);
    Agreement.require("energy", e, energy.apply(k));
    if (Math.abs(e - ENERGY_AFTER_1000) > 5e-10) {
      throw new IllegalStateException("energy after " + CHECK_STEPS + " steps is " + e
          + ", not " + ENERGY_AFTER_1000);
    }
  }

  @Setup(Level.Iteration)
  public void restart() {
    plainState = ObjectInputs.copy(start);
    kilnState = ObjectInputs.copy(start);
  }

  @Benchmark
  public void plain() {
    ObjectKernels.advance(plainState, Bodies.DT);
  }

  @Benchmark
  public void kiln() {
    entry.apply(kilnState, Bodies.DT);
  }
}
