package dev.kiln.e2e.objects.corpus;

import dev.kiln.Jit;
import dev.kiln.e2e.Range;
import dev.kiln.e2e.Size;
import dev.kiln.e2e.objects.Sample;
import java.lang.invoke.MethodHandles;
import java.util.Random;

/**
 * Monitors: synchronized static and instance methods, synchronized blocks on a static lock,
 * on {@code this}, on a class literal and on a parameter; nested and reentrant locking;
 * exceptions thrown inside synchronized code (caught inside the method, or escaping it);
 * {@code break}, {@code continue} and {@code return} out of synchronized blocks. Methods report
 * {@link Thread#holdsLock} where it says something, and the harness checks after every compiled
 * call that no monitor on the receiver, an argument, the class or a static lock is still held
 * (see also {@code MonitorReleaseTest}).
 */
public final class MonitorCorpus {
  static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

  static final Object LOCK = new Object();

  /** Changed under locks; the harness compares it after each run. */
  static int counter;

  private int value;
  private final Mutex own = new Mutex();

  MonitorCorpus(int value) {
    this.value = value;
  }

  @Sample
  static MonitorCorpus sample(Random r) {
    return new MonitorCorpus(r.nextInt(21) - 10);
  }

  /** A lock object with a little state. */
  public static final class Mutex {
    int entries;

    public int entries() {
      return entries;
    }

    synchronized boolean lockedInside() {
      entries++;
      return Thread.holdsLock(this);
    }

    synchronized int lockedThrowing(int x) {
      if (x < 0) {
        throw new IllegalArgumentException("locked " + x);
      }
      return Thread.holdsLock(this) ? x + 1 : -1;
    }

    @Sample
    static Mutex sample(Random r) {
      Mutex m = new Mutex();
      m.entries = r.nextInt(3);
      return r.nextInt(10) == 0 ? null : m;
    }
  }

  @Jit
  public static synchronized int staticSynchronized(int x) {
    return Thread.holdsLock(MonitorCorpus.class) ? x + 1 : -1;
  }

  @Jit
  public static synchronized int staticSynchronizedThrows(@Range(min = -2, max = 2) int x) {
    counter++;
    if (x < 0) {
      throw new IllegalStateException("static synchronized " + x);
    }
    return 10 / x;
  }

  @Jit
  public synchronized int instanceSynchronized(int x) {
    value += x;
    return Thread.holdsLock(this) ? value : -1;
  }

  @Jit
  public synchronized int instanceSynchronizedThrows(@Range(min = -3, max = 3) int x) {
    value++;
    if (x < 0) {
      throw new IllegalArgumentException("instance synchronized " + x);
    }
    return value / x;
  }

  @Jit
  public static int blockOnStaticLock(int[] xs) {
    int s = 0;
    synchronized (LOCK) {
      for (int x : xs) {
        s += x;
      }
      counter += s & 1;
    }
    return s;
  }

  /** The exception is thrown inside the block and caught outside it: the lock must be free. */
  @Jit
  public static int throwInsideBlockCaught(@Range(min = -2, max = 2) int x) {
    int r;
    try {
      synchronized (LOCK) {
        if (x < 0) {
          throw new IllegalStateException("inside");
        }
        r = 100 / x;
      }
    } catch (IllegalStateException | ArithmeticException e) {
      r = e instanceof IllegalStateException ? -1 : -2;
    }
    return r * 10 + (Thread.holdsLock(LOCK) ? 1 : 0);
  }

  /** The exception escapes from inside a block on a parameter. */
  @Jit
  public static int throwOutOfBlock(Mutex lock, @Range(min = -2, max = 2) int x) {
    synchronized (lock) {
      lock.entries++;
      if (x < 0) {
        throw new IllegalArgumentException("escaping " + x);
      }
      return lock.entries * 10 / x;
    }
  }

  @Jit
  public static int nestedAndReentrant(Mutex a, Mutex b, @Range(min = -1, max = 3) int x) {
    int r = 0;
    synchronized (a) {
      synchronized (b) {
        synchronized (a) {
          r += Thread.holdsLock(a) && Thread.holdsLock(b) ? 1 : 0;
          if (x < 0) {
            throw new IllegalStateException("deep");
          }
        }
        r += Thread.holdsLock(a) ? 10 : 0;
      }
      r += Thread.holdsLock(b) && a != b ? 1000 : 100;
    }
    return r + x;
  }

  @Jit
  public static int breakContinueReturnInside(@Size(max = 10) int[] xs) {
    int s = 0;
    for (int x : xs) {
      synchronized (LOCK) {
        if (x == 0) {
          continue;
        }
        if (x < -100) {
          break;
        }
        if (x > 1000000) {
          return -s;
        }
        s += x % 100;
      }
    }
    return s * 2 + (Thread.holdsLock(LOCK) ? 1 : 0);
  }

  @Jit
  public static int blockCallsSynchronizedMethod(int x) {
    synchronized (MonitorCorpus.class) {
      return staticSynchronized(x) * 2;
    }
  }

  @Jit
  public static int returnFromInsideWithFinally(Mutex m, int x) {
    try {
      synchronized (m) {
        m.entries += 2;
        return x + m.entries;
      }
    } finally {
      counter += 3;
    }
  }

  @Jit
  public int blockOnThis(@Range(min = -2, max = 2) int x) {
    int r = 0;
    for (int i = 0; i < 3; i++) {
      try {
        synchronized (this) {
          value += i;
          r += 10 / (x + i);
        }
      } catch (ArithmeticException e) {
        r += 1000;
      }
    }
    return r + value + (Thread.holdsLock(this) ? 1 : 0);
  }

  @Jit
  public int blockOnOwnField(@Range(min = -2, max = 2) int x) {
    synchronized (own) {
      own.entries++;
      if (x < 0) {
        throw new IllegalStateException("own lock " + own.entries);
      }
    }
    return own.entries + (Thread.holdsLock(own) ? 100 : 0);
  }

  @Jit
  public static int counterUnderLocks(@Range(min = -1, max = 20) int n) {
    for (int i = 0; i < n; i++) {
      synchronized (LOCK) {
        synchronized (MonitorCorpus.class) {
          counter += i;
        }
      }
    }
    return counter;
  }

  @Jit
  public static int nullLock(Mutex m) {
    synchronized (m) { // null: NullPointerException before entering
      return m.entries;
    }
  }


  static synchronized boolean staticLockedInside() {
    return Thread.holdsLock(MonitorCorpus.class);
  }

  static synchronized int staticSynchronizedCalleeThrows(int x) {
    if (x < 0) {
      throw new IllegalStateException("callee " + x);
    }
    return x;
  }

  /** Synchronized callees (instance and static) hold their monitors while they run, and
   * release them when they return or throw. */
  @Jit
  public static int synchronizedCallees(Mutex m, @Range(min = -2, max = 2) int x) {
    int bits = 0;
    if (m.lockedInside()) bits |= 1;
    if (Thread.holdsLock(m)) bits |= 2;
    if (staticLockedInside()) bits |= 4;
    if (Thread.holdsLock(MonitorCorpus.class)) bits |= 8;
    try {
      bits += m.lockedThrowing(x) * 100;
    } catch (IllegalArgumentException e) {
      bits += Thread.holdsLock(m) ? 10000 : 20000;
    }
    bits += staticSynchronizedCalleeThrows(x + 1) * 1000;
    return bits;
  }
}
