package dev.kiln.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.kiln.Dispatcher;
import dev.kiln.Kiln;
import java.lang.invoke.MethodHandles;
import java.lang.ref.WeakReference;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Kiln keeps no class loader alive: once an application drops its classes (a redeployed web
 * application, a plug-in unloaded), the loader that defined them, the units Kiln compiled into
 * it and their dispatchers can all be collected.
 */
class UnloadTest {
  /** The kernel, loaded afresh by a loader of its own in the test. */
  public static final class Kernel {
    static int twice(int x) {
      return 2 * x;
    }
  }

  @Test
  void aDroppedLoaderIsCollectedWithItsUnitsAndDispatchers() throws Throwable {
    WeakReference<ClassLoader> loader = useAndDrop();
    for (int i = 0; i < 50 && loader.get() != null; i++) {
      System.gc();
      Thread.sleep(20);
    }
    assertNull(loader.get(), "the loader (and everything Kiln made for it) was collected");
  }

  /** Compiles and runs the kernel in a fresh loader every way there is; returns the loader. */
  private static WeakReference<ClassLoader> useAndDrop() throws Throwable {
    ClassLoader fresh = new InvokeTest.FreshLoaderFor(UnloadTest.class);
    Class<?> k = fresh.loadClass(Kernel.class.getName());
    MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(k, MethodHandles.lookup());
    Dispatcher d = Kiln.jit(lookup, k, "twice");
    assertEquals(42, d.invoke(21));
    assertEquals(10, (int) d.handle().invokeExact(5));
    assertEquals(8, d.as(IntUnaryOperator.class).applyAsInt(4));
    assertEquals(d, Kiln.dispatcher(k, "twice"));
    return new WeakReference<>(fresh);
  }
}
