package dev.kiln.dispatch;

import dev.kiln.JitOptions;
import dev.kiln.cache.CacheKey;
import dev.kiln.cache.Entry;
import dev.kiln.cache.SourceStamp;
import dev.kiln.cache.StampCheck;
import dev.kiln.frontend.ClassFileReader;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The agent's rewritten classes in the on-disk cache, so that a warm start under
 * {@code -javaagent} serves each class's rewrite from disk and loads no ASM (about 30 classes,
 * some 10 ms of a start). An entry is keyed by the class's name and origin, the agent's
 * arguments, Kiln's build and the JVM's feature level, and is valid for exactly the original bytes it was made from (its owner stamp
 * is their hash and length): the rewrite is a function of those alone.
 *
 * <p>Rewrites are kept for classes that cache: a method the agent rewrites says
 * {@code @Jit(cache = true)}, or the cache switch is on for all. Looking one up costs a file
 * check, made only for classes that name an element {@code cache} or under the switch.
 */
final class RewriteCache {
  /** The method name rewrites are filed under: no Java method can have it. */
  static final String METHOD = "<agent>";
  /** A class file's UTF-8 constant {@code cache}: tag 1, length 5, then the characters. */
  private static final String CACHE_CONSTANT = "\u0001\u0000\u0005cache";

  private RewriteCache() {}

  /**
   * The rewrite of class {@code internalName} whose original bytes are {@code original}, made
   * before with agent arguments {@code agentArgs}, or {@code null}.
   *
   * @param origin where the class is loaded from ({@code ClassFileSource.origin})
   */
  static byte[] load(String internalName, byte[] original, String agentArgs, String origin) {
    if (!KilnConfig.cacheAll() && !ClassFileReader.mentions(original, CACHE_CONSTANT)) {
      return null;
    }
    String name = internalName.replace('/', '.');
    try {
      SourceStamp now = stamp(name, original);
      StampCheck check = new StampCheck() { // not a lambda: no lambda bootstrap on a start
        @Override
        public SourceStamp current(String className) {
          return className.equals(name) ? now : null;
        }
      };
      Optional<Entry> hit = DiskCache.cache().load(key(name, agentArgs, origin), check);
      return hit.isPresent() ? hit.get().classBytes(internalName) : null;
    } catch (RuntimeException | LinkageError e) { // a class of the cache failing to initialize
      // inside a class load: the agent rewrites the class itself instead
      Log.warnOnce("cache lookup failed for the agent's rewrite of " + name + ": " + e);
      return null;
    }
  }

  /**
   * Keeps {@code rewritten}, the rewrite of {@code original} with {@code agentArgs}, if one of
   * {@code methods} (the rewritten methods annotated {@code @Jit}, as name then descriptor
   * pairs) caches.
   */
  static void store(String internalName, byte[] original, String agentArgs, String origin,
                    byte[] rewritten, List<String[]> methods) {
    String name = internalName.replace('/', '.');
    try {
      if (!caches(original, methods)) {
        return;
      }
      DiskCache.cache().store(new Entry(key(name, agentArgs, origin), stamp(name, original),
          List.of(new Entry.ClassFile(internalName, rewritten)), Map.of("rewrite", "agent")));
    } catch (RuntimeException | LinkageError e) { // the rewrite stands: only keeping it failed
      Log.warnOnce("cache store failed for the agent's rewrite of " + name + ": " + e);
    }
  }

  /** Whether the cache switch is on, or one of {@code methods} says {@code @Jit(cache = true)}. */
  static boolean caches(byte[] original, List<String[]> methods) {
    if (KilnConfig.cacheAll()) {
      return true;
    }
    for (String[] m : methods) {
      JitOptions o = JitAnnotation.parse(original, m[0], m[1]);
      if (o != null && o.cache()) {
        return true;
      }
    }
    return false;
  }

  private static CacheKey key(String binaryName, String agentArgs, String origin) {
    return CacheKey.of(binaryName, METHOD, "", "rewrite", agentArgs, KilnVersion.ID, origin);
  }

  /** The bytes' own stamp: the rewrite depends on nothing else, file times included. */
  private static SourceStamp stamp(String binaryName, byte[] original) {
    return SourceStamp.of(binaryName, original, -1, original.length);
  }
}
