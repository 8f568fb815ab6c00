package dev.kiln.dispatch;

/**
 * A specialization one thread is making and others may wait for: each key of a dispatcher
 * compiles once, and a key that failed keeps its error.
 *
 * <p>Why not {@code CompletableFuture}: its class initialization sets up var handles and
 * an executor, about 1.5 ms of a warm start, for what a monitor does here.
 */
final class PendingSpecialization {
  /** The thread making it, until it is made (not kept after: it would pin the thread). */
  private Thread maker = Thread.currentThread();
  private Specialization value;
  private Throwable error;
  /** Written last, after value or error: a volatile read of it publishes them. */
  private volatile boolean done;

  synchronized void complete(Specialization s) {
    value = s;
    done = true;
    maker = null;
    notifyAll();
  }

  synchronized void fail(Throwable t) {
    error = t;
    done = true;
    maker = null;
    notifyAll();
  }

  /** The specialization, once made; rethrows what making it threw. */
  Specialization await() {
    if (!done) { // every call but the first few: no monitor on the invoke path
      waitUntilDone();
    }
    if (error instanceof RuntimeException r) {
      throw r;
    }
    if (error instanceof Error e) {
      throw e;
    }
    if (error != null) {
      throw CallErrors.wrapped(error);
    }
    return value;
  }

  private void waitUntilDone() {
    Waiting.until(this);
  }

  /**
   * Waiting on the monitor of a pending specialization. A class of its own because it must
   * catch {@code InterruptedException}, which the verifier would otherwise load with this class
   * on every start, though a wait happens only when two threads ask for one key at once.
   */
  private static final class Waiting {
    static void until(PendingSpecialization p) {
      synchronized (p) {
        if (!p.done && Thread.currentThread() == p.maker) {
          throw CallErrors.recursiveCompile();
        }
        boolean interrupted = false;
        while (!p.done) {
          try {
            p.wait();
          } catch (InterruptedException e) {
            interrupted = true; // a compile is short: finish waiting, keep the interrupt
          }
        }
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }
}
