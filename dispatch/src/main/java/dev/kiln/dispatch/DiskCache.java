package dev.kiln.dispatch;

import dev.kiln.JitOptions;
import dev.kiln.cache.CacheKey;
import dev.kiln.cache.ClassCache;
import dev.kiln.cache.Entry;
import dev.kiln.cache.SourceStamp;
import dev.kiln.cache.StampCheck;
import dev.kiln.typing.ArrayType;
import dev.kiln.typing.InstanceType;
import dev.kiln.typing.KType;
import dev.kiln.typing.Prim;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Kiln's use of the on-disk class cache ({@code dev.kiln.cache}): an entry per (method,
 * signature, options, Kiln build, JVM feature level, origin of the method's class), valid while the method's class and every
 * class whose code was linked into the unit keep their source stamps. A unit that refers to
 * this JVM's class tokens (a lambda's hidden class) is never stored, nor is a key naming a
 * hidden class.
 */
final class DiskCache {
  private static volatile ClassCache cache;

  private DiskCache() {}

  static boolean enabledFor(JitOptions options) {
    return options.cache() || KilnConfig.cacheAll();
  }

  static ClassCache cache() {
    ClassCache c = cache;
    if (c == null) {
      synchronized (DiskCache.class) {
        c = cache;
        if (c == null) {
          c = ClassCache.open(ClassCache.defaultDirectory());
          cache = c;
        }
      }
    }
    return c;
  }

  /** Whether a key can be written down for another JVM (no hidden classes in it). */
  static boolean cacheable(List<KType> key) {
    for (int i = 0; i < key.size(); i++) {
      KType e = key.get(i);
      while (e instanceof ArrayType a) {
        e = a.element();
      }
      // Prim first: a key of primitives and their arrays loads no other type class
      if (!(e instanceof Prim) && e instanceof InstanceType it && it.cls().isHidden()) {
        return false;
      }
    }
    return true;
  }

  static CacheKey key(MethodTarget t, List<KType> key, JitOptions o) {
    StringBuilder sig = new StringBuilder("(");
    for (int i = 0; i < key.size(); i++) {
      sig.append(i == 0 ? "" : ", ").append(key.get(i));
    }
    sig.append(')');
    String options = "nopython=" + o.nopython() + ",fastmath=" + o.fastmath() + ",parallel="
        + o.parallel();
    return CacheKey.of(t.owner.getName(), t.name(), t.descriptor(), sig.toString(), options,
        KilnVersion.ID, ClassBytes.origin(t.owner));
  }

  /**
   * The specialization the cache holds for {@code key}, defined and initialized; null on a
   * miss, or when its class name is taken in this loader already (another dispatcher of the
   * same method compiled it): compile instead. The warm path: it touches no compiler class.
   */
  static Specialization loadUnit(MethodTarget target, List<KType> key, JitOptions options) {
    long t0 = System.nanoTime();
    Optional<Entry> hit = load(target, key, options);
    if (hit.isEmpty()) {
      return null;
    }
    Entry e = hit.get();
    String internal = e.metadata().get("unit");
    String entry = e.metadata().get("entry");
    byte[] bytes = internal == null ? null : e.classBytes(internal);
    if (bytes == null || entry == null || e.metadata().get("signature") == null) {
      return null;
    }
    if (KilnConfig.verify()) { // as a unit compiled now is (loads ASM: not for real starts)
      dev.kiln.lowering.Lowerer.verify(bytes, target.owner.getClassLoader());
    }
    Class<?> cls;
    try {
      cls = target.lookup.defineClass(bytes);
    } catch (LinkageError | ReflectiveOperationException ex) { // IllegalAccess: see CallErrors
      Log.debug("cached " + internal + " not defined (" + ex + "); compiling");
      return null;
    }
    String sig = e.metadata().get("signature");
    UnitInvoker invoker = UnitInvoker.start(target.lookup, cls, bytes);
    long nanos = System.nanoTime() - t0;
    if (KilnConfig.debug()) {
      Log.debug("loaded " + target.display() + " for " + sig + " from the cache in "
          + nanos / 1000 + " us");
    }
    return Specialization.ofCachedUnit(key, sig, target, cls, entry, invoker,
        e.metadata().get("typedIr"), bytes);
  }

  /** The stored unit for this key, if current. */
  static Optional<Entry> load(MethodTarget t, List<KType> key, JitOptions o) {
    try {
      return cache().load(key(t, key, o), stampCheck(t));
    } catch (RuntimeException e) {
      Log.warnOnce("cache lookup failed for " + t.display() + ": " + e);
      return Optional.empty();
    }
  }

  /**
   * The stamp of class {@code name} as {@code loader} has it, loading (not initializing) the
   * class if need be: what the JVM will run is what an entry is checked against. Null if the
   * class is gone, or has no class file to stamp (one defined at run time).
   */
  private static SourceStamp stampOf(ClassLoader loader, String name) {
    try {
      return ClassBytes.stamp(Class.forName(name, false, loader));
    } catch (ClassNotFoundException | LinkageError | RuntimeException e) { // RuntimeException:
      return null; // no class file (see CallErrors)
    }
  }

  /** Current stamps, of classes as this JVM has them (see {@link #stampOf}). */
  private static StampCheck stampCheck(MethodTarget t) {
    ClassLoader loader = t.owner.getClassLoader();
    return new StampCheck() { // not a lambda: no lambda bootstrap on a warm start
      @Override
      public SourceStamp current(String className) {
        return stampOf(loader, className);
      }
    };
  }

  static void store(MethodTarget t, List<KType> key, JitOptions o, String internalName,
                    byte[] bytes, Set<String> linked, String signature, String typedIr,
                    String entryDescriptor) {
    try {
      ClassLoader loader = t.owner.getClassLoader();
      SourceStamp owner = ClassBytes.stamp(t.owner);
      List<SourceStamp> deps = new ArrayList<>();
      for (String c : linked) {
        SourceStamp s = stampOf(loader, c);
        if (s == null) {
          return; // a linked class with no class file: nothing to check it against later
        }
        deps.add(s);
      }
      Map<String, String> meta = new LinkedHashMap<>();
      meta.put("unit", internalName);
      meta.put("signature", signature);
      meta.put("typedIr", typedIr);
      meta.put("entry", entryDescriptor);
      cache().store(new Entry(key(t, key, o), owner, deps,
          List.of(new Entry.ClassFile(internalName, bytes)), meta));
    } catch (RuntimeException e) {
      Log.warnOnce("cache store failed for " + t.display() + ": " + e);
    }
  }
}
