package dev.kiln.e2e.objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.Dispatcher;
import dev.kiln.Kiln;
import dev.kiln.e2e.Corpora;
import dev.kiln.e2e.objects.corpus.MonitorCorpus;
import dev.kiln.e2e.objects.corpus.MonitorCorpus.Mutex;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Monitors of compiled code are released on every path, exceptions included: after a compiled
 * call that threw out of (or inside) synchronized code, the calling thread holds no monitor
 * ({@link Thread#holdsLock}) and another thread can take the lock at once. And compiled
 * synchronized methods do exclude each other across threads.
 */
class MonitorReleaseTest {

  private static Dispatcher jit(String method) {
    return Kiln.jit(Corpora.lookup(MonitorCorpus.class), MonitorCorpus.class, method);
  }

  private static MonitorCorpus receiver(int value) throws Exception {
    Constructor<MonitorCorpus> c = MonitorCorpus.class.getDeclaredConstructor(int.class);
    c.setAccessible(true);
    return c.newInstance(value);
  }

  private static Object staticField(String name) throws Exception {
    Field f = MonitorCorpus.class.getDeclaredField(name);
    f.setAccessible(true);
    return f.get(null);
  }

  private static Object field(Object o, String name) throws Exception {
    Field f = o.getClass().getDeclaredField(name);
    f.setAccessible(true);
    return f.get(o);
  }

  /** The current thread does not hold {@code lock}, and another thread takes it within 5 s. */
  private static void assertFree(Object lock, String what) throws InterruptedException {
    assertFalse(Thread.holdsLock(lock), what + ": the calling thread still holds the monitor");
    CountDownLatch acquired = new CountDownLatch(1);
    Thread other = new Thread(() -> {
      synchronized (lock) {
        acquired.countDown();
      }
    }, "kiln-monitor-probe");
    other.setDaemon(true);
    other.start();
    assertTrue(acquired.await(5, TimeUnit.SECONDS),
        what + ": another thread could not take the monitor within 5 s");
    other.join(5000);
  }

  @Test
  void staticSynchronizedMethodThatThrows() throws Throwable {
    Dispatcher d = jit("staticSynchronizedThrows");
    Throwable t = assertThrows(IllegalStateException.class, () -> d.invoke(-1));
    assertEquals("static synchronized -1", t.getMessage());
    assertFree(MonitorCorpus.class, "MonitorCorpus.class after a throw");
    assertThrows(ArithmeticException.class, () -> d.invoke(0));
    assertFree(MonitorCorpus.class, "MonitorCorpus.class after / by zero");
    assertEquals(5, d.invoke(2));
    assertFree(MonitorCorpus.class, "MonitorCorpus.class after a normal return");
  }

  @Test
  void instanceSynchronizedMethodThatThrows() throws Throwable {
    Dispatcher d = jit("instanceSynchronizedThrows");
    MonitorCorpus r = receiver(4);
    assertThrows(IllegalArgumentException.class, () -> d.invoke(r, -2));
    assertFree(r, "the receiver after a throw");
    assertThrows(ArithmeticException.class, () -> d.invoke(r, 0));
    assertFree(r, "the receiver after / by zero");
    assertEquals(7 / 3, d.invoke(r, 3));
    assertFree(r, "the receiver after a normal return");
  }

  @Test
  void exceptionEscapingABlockOnAParameter() throws Throwable {
    Dispatcher d = jit("throwOutOfBlock");
    Mutex m = new Mutex();
    assertThrows(IllegalArgumentException.class, () -> d.invoke(m, -1));
    assertFree(m, "the lock parameter after a throw");
    assertThrows(ArithmeticException.class, () -> d.invoke(m, 0));
    assertFree(m, "the lock parameter after / by zero");
    assertEquals(3 * 10 / 2, d.invoke(m, 2));
    assertEquals(3, m.entries());
    assertThrows(NullPointerException.class, () -> d.invoke(null, 1));
  }

  @Test
  void exceptionFromNestedReentrantBlocks() throws Throwable {
    Dispatcher d = jit("nestedAndReentrant");
    Mutex a = new Mutex();
    Mutex b = new Mutex();
    assertThrows(IllegalStateException.class, () -> d.invoke(a, b, -1));
    assertFree(a, "outer lock (entered twice) after a throw");
    assertFree(b, "inner lock after a throw");
    assertEquals(MonitorCorpus.nestedAndReentrant(new Mutex(), new Mutex(), 2),
        d.invoke(a, b, 2));
    assertFree(a, "outer lock after a normal return");
    Mutex same = new Mutex();
    assertEquals(MonitorCorpus.nestedAndReentrant(same, same, 1), d.invoke(a, a, 1),
        "the same lock twice");
    assertFree(a, "the doubly entered lock");
  }

  @Test
  void exceptionCaughtOutsideABlockOnAStaticLock() throws Throwable {
    Dispatcher d = jit("throwInsideBlockCaught");
    Object lock = staticField("LOCK");
    assertEquals(-10, d.invoke(-1), "the method itself saw the lock held afterwards");
    assertFree(lock, "LOCK after a caught throw");
    assertEquals(-20, d.invoke(0));
    assertFree(lock, "LOCK after a caught / by zero");
  }

  @Test
  void exceptionFromABlockOnAFieldOfTheReceiver() throws Throwable {
    Dispatcher d = jit("blockOnOwnField");
    MonitorCorpus r = receiver(0);
    Object own = field(r, "own");
    assertThrows(IllegalStateException.class, () -> d.invoke(r, -1));
    assertFree(own, "the receiver's lock field after a throw");
    assertEquals(2, d.invoke(r, 1));
    assertFree(own, "the receiver's lock field after a normal return");
  }

  @Test
  void breakContinueAndReturnOutOfBlocks() throws Throwable {
    Dispatcher d = jit("breakContinueReturnInside");
    Object lock = staticField("LOCK");
    for (int[] xs : new int[][] {{1, 0, 2}, {3, -1000, 5}, {4, 2000000, 6}, {}}) {
      assertEquals(MonitorCorpus.breakContinueReturnInside(xs), d.invoke((Object) xs));
      assertFree(lock, "LOCK after " + java.util.Arrays.toString(xs));
    }
  }

  /** Four threads call a compiled synchronized instance method on one receiver: no update is
   * lost. */
  @Test
  void compiledSynchronizedMethodsExcludeEachOther() throws Throwable {
    Dispatcher d = jit("instanceSynchronized");
    MonitorCorpus r = receiver(0);
    d.invoke(r, 0); // compile first
    int threads = 4;
    int calls = 2000;
    AtomicReference<Throwable> failure = new AtomicReference<>();
    List<Thread> ts = new ArrayList<>();
    CountDownLatch start = new CountDownLatch(1);
    for (int i = 0; i < threads; i++) {
      Thread t = new Thread(() -> {
        try {
          start.await();
          for (int k = 0; k < calls; k++) {
            Object v = d.invoke(r, 1);
            if (((Integer) v) < 0) {
              throw new AssertionError("holdsLock(this) was false inside the method");
            }
          }
        } catch (Throwable e) {
          failure.compareAndSet(null, e);
        }
      });
      ts.add(t);
      t.start();
    }
    start.countDown();
    for (Thread t : ts) {
      t.join(30_000);
    }
    if (failure.get() != null) {
      throw failure.get();
    }
    assertEquals(threads * calls, field(r, "value"), "updates lost: the monitor did not exclude");
    assertFree(r, "the shared receiver");
  }
}
