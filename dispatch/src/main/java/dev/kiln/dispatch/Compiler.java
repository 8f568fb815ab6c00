package dev.kiln.dispatch;

import dev.kiln.lowering.CompileUnit;
import dev.kiln.lowering.Limits;
import dev.kiln.lowering.Lowerer;
import dev.kiln.lowering.LoweringRegistry;
import dev.kiln.typing.KType;
import dev.kiln.typing.TypedMethod;
import dev.kiln.typing.TypingContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The compile pipeline for one signature: frontend, typing (with callees linked into the
 * unit), lowering, then definition of the unit as an ordinary class in the user's package
 * through the user's lookup, so its frames show in stack traces at the user's file and line.
 * Unit names are {@code Owner$$Kiln$method$H}, H a hash of the method and the key.
 */
final class Compiler {
  /** The registries, made on first compile (a warm cache never needs them). */
  private static final class Registries {
    static final TypingContext TYPING = TypingContext.standard();
    static final LoweringRegistry LOWERING = LoweringRegistry.standard();
  }
  /** Units made per base name in this JVM: the next suffix to try. */
  private static final java.util.Map<String, java.util.concurrent.atomic.AtomicInteger> NAMES =
      new java.util.concurrent.ConcurrentHashMap<>();

  private Compiler() {}

  /** @param cached whether the disk cache serves this key (a miss led here; store the unit) */
  static Specialization compile(MethodTarget target, List<KType> key, dev.kiln.JitOptions options,
                                boolean cached) {
    long t0 = System.nanoTime();
    java.util.Set<String> excluded = new java.util.HashSet<>();
    UnitBuilder unit;
    List<CompileUnit.UnitMethod> methods;
    while (true) {
      unit = new UnitBuilder(target, Registries.TYPING, excluded);
      try {
        methods = unit.build(key);
        break;
      } catch (UnitBuilder.Unlinkable u) {
        Log.debug("not linking " + u.key + ": " + u.getMessage());
        excluded.add(u.key);
      }
    }
    String base = target.owner.getName().replace('.', '/') + "$$Kiln$"
        + sanitize(target.name()) + "$" + Integer.toHexString(
        (target.descriptor() + key).hashCode());
    String source = target.classNode().sourceFile;
    // units extend UnitInvoker where the user's loader sees it (it sees Kiln, almost always)
    String genericEntry = UnitInvoker.visibleFrom(target.owner)
        ? UnitInvoker.class.getName().replace('.', '/') : null;
    Class<?> cls = null;
    String internal = base;
    Lowerer.Lowered lowered = null;
    // the name is a function of method and key, so the same input gives the same bytes; a
    // second unit of that name in this loader (another dispatcher of the method) gets a suffix
    int first = NAMES.computeIfAbsent(base, k -> new java.util.concurrent.atomic.AtomicInteger())
        .getAndIncrement();
    for (int attempt = first; cls == null; attempt++) {
      internal = attempt == 0 ? base : base + "$" + attempt;
      lowered = Lowerer.lower(new CompileUnit(internal, target.owner, source, methods,
          Registries.LOWERING, genericEntry));
      if (KilnConfig.verify()) {
        Lowerer.verify(lowered.bytes(), target.owner.getClassLoader());
      }
      try {
        cls = target.lookup.defineClass(lowered.bytes());
      } catch (LinkageError e) {
        if (attempt > first + 100 || !String.valueOf(e.getMessage()).contains("duplicate")) {
          throw e;
        }
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("Kiln cannot define " + internal + ": " + e, e);
      }
    }
    dump(internal, lowered.bytes());
    lowered.codeSizes().forEach((name, size) -> {
      if (size > Limits.HUGE_METHOD_BYTES) {
        Log.warnOnce("the compiled form of " + target.display() + " (" + name + ") is " + size
            + " bytes of bytecode, over HotSpot's HugeMethodLimit of " + Limits.HUGE_METHOD_BYTES
            + "; HotSpot will run it interpreted. Split the method.");
      }
    });
    byte[] bytes = lowered.bytes();
    TypedMethod root = unit.root();
    String entry = dev.kiln.typing.UnitCall.descriptor(key, root.ir().returnType());
    UnitInvoker invoker = UnitInvoker.start(target.lookup, cls, bytes);
    StringBuilder ir = new StringBuilder();
    for (CompileUnit.UnitMethod m : methods) {
      ir.append(m.entry() ? "" : "\n-- linked callee " + m.name() + "\n").append(m.method().print());
    }
    long nanos = System.nanoTime() - t0;
    Log.debug("compiled " + target.display() + " for " + root.signature() + " as "
        + internal.replace('/', '.') + " in " + nanos / 1000 + " us");
    if (cached && lowered.portable() && internal.equals(base)) {
      DiskCache.store(target, key, options, internal, bytes, unit.linkedClasses(methods),
          root.signature().toString(), ir.toString(), entry);
    }
    return Specialization.ofUnit(key, root.signature(), target, cls, entry, invoker,
        ir.toString(), bytes, cached ? Specialization.Origin.COMPILED_AFTER_CACHE_MISS
            : Specialization.Origin.COMPILED);
  }

  /**
   * {@link #compile}, or, when the method cannot be compiled and {@code nopython} is false, a
   * specialization that runs the original (origin {@code ORIGINAL}; warned of once).
   */
  static Specialization compileOrFallback(MethodTarget target, List<KType> key,
                                          dev.kiln.JitOptions options, boolean cached) {
    try {
      return compile(target, key, options, cached);
    } catch (dev.kiln.frontend.CompileError e) {
      if (options.nopython()) {
        throw e;
      }
      Log.warnOnce("Kiln runs " + target.display() + " uncompiled (nopython=false): "
          + e.getMessage());
      return fallback(target, key);
    }
  }

  /** A specialization that runs the original method ({@code nopython=false} fallback). */
  static Specialization fallback(MethodTarget target, List<KType> key) {
    return Specialization.ofOriginal(key, new dev.kiln.typing.Signature(
        dev.kiln.typing.KType.of(target.method.getReturnType()), key), target,
        target.original());
  }

  private static String sanitize(String name) {
    StringBuilder sb = new StringBuilder();
    for (char c : name.toCharArray()) {
      sb.append(Character.isJavaIdentifierPart(c) ? c : '_');
    }
    return sb.toString();
  }

  private static void dump(String internal, byte[] bytes) {
    Path dir = KilnConfig.dumpDir();
    if (dir == null) {
      return;
    }
    try {
      Path p = dir.resolve(internal + ".class");
      Files.createDirectories(p.getParent());
      Files.write(p, bytes);
    } catch (IOException e) {
      Log.warnOnce("cannot dump generated classes to " + dir + ": " + e);
    }
  }

}
