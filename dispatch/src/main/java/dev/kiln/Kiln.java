package dev.kiln;

import dev.kiln.dispatch.Dispatchers;
import java.lang.invoke.MethodHandles;

/**
 * Kiln's entry points. {@code Kiln.jit(MethodHandles.lookup(), Kernels.class, "dot")} gives the
 * {@link Dispatcher} of a method; calls through it compile and run specializations.
 *
 * <p>{@code method} is a name, or a name with Java parameter types where overloads share it:
 * {@code "dot(double[], double[])"}. The lookup must have private access to {@code owner}
 * (pass {@code MethodHandles.lookup()} from inside it, or {@code privateLookupIn}); compiled
 * code reaches exactly what the method itself can reach.
 */
public final class Kiln {
  private Kiln() {}

  /** The dispatcher of {@code owner.method}, with options from its {@link Jit}, else defaults. */
  public static Dispatcher jit(MethodHandles.Lookup lookup, Class<?> owner, String method) {
    return Dispatchers.create(lookup, owner, method, null);
  }

  /** The dispatcher of {@code owner.method} with explicit options. */
  public static Dispatcher jit(MethodHandles.Lookup lookup, Class<?> owner, String method,
                               JitOptions options) {
    if (options == null) {
      throw new NullPointerException("options");
    }
    return Dispatchers.create(lookup, owner, method, options);
  }

  /** The dispatcher made for {@code owner.method} (by the agent or by {@code jit}). */
  public static Dispatcher dispatcher(Class<?> owner, String method) {
    return Dispatchers.lookup(owner, method);
  }

  /**
   * Self-attaches the Kiln agent (in kiln.jar, module {@code agent}) so that classes loaded from
   * now on have their {@code @Jit} methods rewritten, as with {@code -javaagent:kiln.jar}.
   * Classes already loaded keep their methods as they are (the agent names them once on standard
   * error; use {@link #jit} for them). Does nothing if the agent is already installed.
   *
   * @throws UnsupportedOperationException if the agent is not on the class path
   * @throws IllegalStateException         if this JVM cannot attach an agent to itself
   */
  public static void install() {
    dev.kiln.dispatch.SelfAttach.install();
  }

  /**
   * The on-disk cache's directory: {@code -Dkiln.cache.dir}, else {@code KILN_CACHE_DIR}, else
   * a per-user cache directory.
   */
  public static java.nio.file.Path cacheDirectory() {
    return Dispatchers.cacheDirectory();
  }

  /**
   * The entries of the on-disk cache, one line each: class, method and signature (or the
   * agent's rewrite of a class), then options, Kiln build, JDK and where the class came from.
   */
  public static java.util.List<String> cacheEntries() {
    return Dispatchers.cacheEntries();
  }

  /** Deletes every entry of the on-disk cache; returns how many there were. */
  public static int clearCache() {
    return Dispatchers.clearCache();
  }

  /** Returns {@code n}; a loop bounded by it may run in parallel under {@code @Jit(parallel=true)}. */
  public static int prange(int n) {
    return n;
  }
}
