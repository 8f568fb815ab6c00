package dev.kiln.bench.jmh;

import dev.kiln.Dispatcher;
import dev.kiln.bench.KernelFns.DotFn;
import dev.kiln.bench.KernelFns.MandelbrotRowFn;
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
 * How long Kiln takes to compile one signature, once Kiln's own code is warm: every
 * iteration is one compile on a dispatcher no one has used. {@code compile} times
 * {@code Dispatcher.compile(signature)} alone; {@code jitAndCompile} also times
 * {@code Kiln.jit}, i.e. everything a user waits for before the first fast call. The first
 * compile in a fresh JVM (cold) is slower; the demo prints that one.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 50)
@Measurement(iterations = 30)
@Fork(2)
@State(Scope.Thread)
public class CompileTimeBench {
  @Param({"dot", "nbodyAdvance", "mandelbrotRow"})
  public String kernel;

  private String signature;
  private Dispatcher fresh;

  @Setup(Level.Trial)
  public void signature() {
    signature = switch (kernel) {
      case "dot" -> DotFn.SIGNATURE;
      case "nbodyAdvance" -> NbodyAdvanceFn.SIGNATURE;
      case "mandelbrotRow" -> MandelbrotRowFn.SIGNATURE;
      default -> throw new IllegalArgumentException("no signature for " + kernel);
    };
  }

  @Setup(Level.Iteration)
  public void freshDispatcher() {
    fresh = Kernels.jit(kernel);
    if (!fresh.signatures().isEmpty()) {
      throw new IllegalStateException("Kiln.jit returned a dispatcher that has compiled "
          + fresh.signatures() + " already; this benchmark needs a fresh one per iteration");
    }
  }

  @Benchmark
  public Dispatcher compile() {
    fresh.compile(signature);
    return fresh;
  }

  @Benchmark
  public Dispatcher jitAndCompile() {
    Dispatcher d = Kernels.jit(kernel);
    d.compile(signature);
    return d;
  }
}
