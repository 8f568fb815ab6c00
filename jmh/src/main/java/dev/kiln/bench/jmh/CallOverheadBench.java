package dev.kiln.bench.jmh;

import dev.kiln.Dispatcher;
import dev.kiln.bench.Kernels;
import java.lang.invoke.MethodHandle;
import java.util.concurrent.TimeUnit;
import java.util.function.IntBinaryOperator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What each way into a compiled kernel costs on its own, with the trivial {@link Kernels#add}:
 * a direct static call (the baseline), the typed entry {@code Dispatcher.as(IntBinaryOperator)}
 * held in a field, the dispatcher's {@code handle()} held in a {@code static final} (a constant
 * to C2, as DESIGN.md says a handle must be to be fast), and the generic boxing
 * {@code invoke(Object...)} for scale.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@State(Scope.Thread)
public class CallOverheadBench {
  private static final Dispatcher ADD = Kernels.jit("add");
  private static final MethodHandle HANDLE = ADD.handle();

  /** Read from fields so that C2 cannot fold the sum. */
  private int a = 17;
  private int b = 25;
  private IntBinaryOperator entry;

  @Setup
  public void setup() throws Throwable {
    entry = ADD.as(IntBinaryOperator.class);
    int expected = Kernels.add(a, b);
    int viaEntry = entry.applyAsInt(a, b);
    int viaHandle = (int) HANDLE.invokeExact(a, b);
    Object viaInvoke = ADD.invoke(a, b);
    if (viaEntry != expected || viaHandle != expected
        || !Integer.valueOf(expected).equals(viaInvoke)) {
      throw new IllegalStateException("add: " + expected + " plain, " + viaEntry + " as(), "
          + viaHandle + " handle(), " + viaInvoke + " invoke()");
    }
  }

  @Benchmark
  public int direct() {
    return Kernels.add(a, b);
  }

  @Benchmark
  public int as() {
    return entry.applyAsInt(a, b);
  }

  @Benchmark
  public int handle() throws Throwable {
    return (int) HANDLE.invokeExact(a, b);
  }

  @Benchmark
  public Object invoke() throws Throwable {
    return ADD.invoke(a, b);
  }
}
