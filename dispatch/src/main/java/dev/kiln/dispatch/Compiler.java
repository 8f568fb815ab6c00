package dev.kiln.dispatch;

import dev.kiln.lowering.CompileUnit;
import dev.kiln.lowering.Limits;
import dev.kiln.lowering.Lowerer;
import dev.kiln.lowering.LoweringRegistry;
import dev.kiln.typing.KType;
import dev.kiln.typing.TypedMethod;
import dev.kiln.typing.TypingContext;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The compile pipeline for one signature: frontend, typing (with callees linked into the
 * unit), lowering, then definition of the unit as an ordinary class in the user's package
 * through the user's lookup, so its frames show in stack traces at the user's file and line.
 * Unit names are {@code Owner$$Kiln$method$N}, N counting per owner class in this JVM.
 */
final class Compiler {
  static final TypingContext TYPING = TypingContext.standard();
  static final LoweringRegistry LOWERING = LoweringRegistry.standard();
  private static final Map<Class<?>, AtomicInteger> UNITS = new ConcurrentHashMap<>();

  private Compiler() {}

  static Specialization compile(MethodTarget target, List<KType> key) {
    long t0 = System.nanoTime();
    java.util.Set<String> excluded = new java.util.HashSet<>();
    UnitBuilder unit;
    List<CompileUnit.UnitMethod> methods;
    while (true) {
      unit = new UnitBuilder(target, TYPING, excluded);
      try {
        methods = unit.build(key);
        break;
      } catch (UnitBuilder.Unlinkable u) {
        Log.debug("not linking " + u.key + ": " + u.getMessage());
        excluded.add(u.key);
      }
    }
    String internal = target.owner.getName().replace('.', '/') + "$$Kiln$"
        + sanitize(target.name()) + "$"
        + UNITS.computeIfAbsent(target.owner, k -> new AtomicInteger()).getAndIncrement();
    String source = target.classNode().sourceFile;
    Lowerer.Lowered lowered = Lowerer.lower(new CompileUnit(internal, target.owner, source,
        methods, LOWERING));
    lowered.codeSizes().forEach((name, size) -> {
      if (size > Limits.HUGE_METHOD_BYTES) {
        Log.warnOnce("the compiled form of " + target.display() + " (" + name + ") is " + size
            + " bytes of bytecode, over HotSpot's HugeMethodLimit of " + Limits.HUGE_METHOD_BYTES
            + "; HotSpot will run it interpreted. Split the method.");
      }
    });
    byte[] bytes = lowered.bytes();
    dump(internal, bytes);
    if (KilnConfig.verify()) {
      Lowerer.verify(bytes, target.owner.getClassLoader());
    }
    Class<?> cls;
    try {
      cls = target.lookup.defineClass(bytes);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("Kiln cannot define " + internal + ": " + e, e);
    }
    Bootstraps.admit(cls, target.lookup);
    TypedMethod root = unit.root();
    MethodHandle mh;
    try {
      MethodType mt = MethodType.fromMethodDescriptorString(
          dev.kiln.typing.UnitCall.descriptor(key, root.ir().returnType()),
          target.owner.getClassLoader());
      mh = target.lookup.findStatic(cls, target.name(), mt);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Kiln cannot link " + internal + ": " + e, e);
    }
    MethodHandle typed = mh.asType(target.type);
    StringBuilder ir = new StringBuilder();
    for (CompileUnit.UnitMethod m : methods) {
      ir.append(m.entry() ? "" : "\n-- linked callee " + m.name() + "\n").append(m.method().print());
    }
    long nanos = System.nanoTime() - t0;
    Log.debug("compiled " + target.display() + " for " + root.signature() + " as "
        + internal.replace('/', '.') + " in " + nanos / 1000 + " us");
    return new Specialization(key, root.signature(), typed, generic(typed), ir.toString(), bytes,
        nanos);
  }

  /** A specialization that runs the original method ({@code nopython=false} fallback). */
  static Specialization fallback(MethodTarget target, List<KType> key) {
    MethodHandle mh = target.original();
    return new Specialization(key, new dev.kiln.typing.Signature(
        dev.kiln.typing.Types.of(target.method.getReturnType()), key), mh, generic(mh),
        "(runs the original method)", null, 0);
  }

  static MethodHandle generic(MethodHandle typed) {
    return typed.asSpreader(Object[].class, typed.type().parameterCount())
        .asType(MethodType.methodType(Object.class, Object[].class));
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
