package dev.kiln.dispatch;

import dev.kiln.typing.KType;
import dev.kiln.typing.Signature;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.util.List;

/**
 * One compiled signature of a dispatcher: a unit class (or, for a fallback, the original
 * method) and the ways to call it. {@link #invoke} goes through the unit's generic entry
 * ({@link UnitInvoker}) when it has one; the method handle ({@link #handle()}), which inline
 * caches and typed entries need, is made on first request, so that a program calling only
 * {@code Dispatcher.invoke} never adapts a handle.
 */
final class Specialization {
  /** Where a specialization came from, for {@code stats()}. */
  enum Origin { COMPILED, COMPILED_AFTER_CACHE_MISS, FROM_CACHE, ORIGINAL }

  private final List<KType> key;
  /** Parsed from {@link #signatureText} on first request (a warm load need not parse it). */
  private volatile Signature signature;
  private final String signatureText;
  private final String typedIr;
  private final byte[] bytes;
  private final Origin origin;
  private final MethodTarget target;
  /** The unit, or null for a fallback. */
  private final Class<?> unit;
  private final String entryDescriptor;
  /** The unit's generic entry, or null: invoke through {@link #generic()}. */
  private final UnitInvoker invoker;
  private volatile MethodHandle handle;
  private volatile MethodHandle generic;

  private Specialization(List<KType> key, Signature signature, String signatureText,
                         String typedIr, byte[] bytes, Origin origin,
                         MethodTarget target, Class<?> unit, String entryDescriptor,
                         UnitInvoker invoker, MethodHandle handle) {
    this.key = key;
    this.signature = signature;
    this.signatureText = signature != null ? signature.toString() : signatureText;
    this.typedIr = typedIr;
    this.bytes = bytes;
    this.origin = origin;
    this.target = target;
    this.unit = unit;
    this.entryDescriptor = entryDescriptor;
    this.invoker = invoker;
    this.handle = handle;
  }

  /**
   * A unit class, defined and initialized.
   *
   * @param entryDescriptor the descriptor of its entry, a static method named as the target
   * @param invoker         its generic entry, or null if it has none
   */
  static Specialization ofUnit(List<KType> key, Signature signature, MethodTarget target,
                               Class<?> unit, String entryDescriptor, UnitInvoker invoker,
                               String typedIr, byte[] bytes, Origin origin) {
    return new Specialization(key, signature, null, typedIr, bytes, origin, target,
        unit, entryDescriptor, invoker, null);
  }

  /** A unit loaded from the cache, its signature as the entry wrote it (parsed on request). */
  static Specialization ofCachedUnit(List<KType> key, String signature, MethodTarget target,
                                     Class<?> unit, String entryDescriptor, UnitInvoker invoker,
                                     String typedIr, byte[] bytes) {
    return new Specialization(key, null, signature, typedIr, bytes,
        Origin.FROM_CACHE, target, unit, entryDescriptor, invoker, null);
  }

  /** The original method, run when compiling failed ({@code nopython=false}). */
  static Specialization ofOriginal(List<KType> key, Signature signature, MethodTarget target,
                                   MethodHandle original) {
    return new Specialization(key, signature, null, "(runs the original method)", null,
        Origin.ORIGINAL, target, null, null, null, original);
  }

  /** The argument types it was compiled for (receiver first). */
  List<KType> key() {
    return key;
  }

  Signature signature() {
    Signature s = signature;
    if (s == null) {
      s = dev.kiln.typing.Types.parseSignature(signatureText, target.owner.getClassLoader());
      signature = s;
    }
    return s;
  }

  /** The signature in Java syntax, e.g. {@code double(double[], double[])}. */
  String signatureText() {
    return signatureText;
  }

  /** The typed IR of the unit's methods, for {@code inspectTypes}. */
  String typedIr() {
    return typedIr;
  }

  /** The generated class, or {@code null} for a fallback to the original. */
  byte[] bytes() {
    return bytes;
  }

  Origin origin() {
    return origin;
  }

  boolean isFallback() {
    return bytes == null;
  }

  /** Runs it with {@code args} (receiver first), already checked against {@link #key}. */
  Object invoke(Object[] args) throws Throwable {
    UnitInvoker i = invoker;
    return i != null ? i.invoke(args) : generic().invokeExact(args);
  }

  /** The compiled entry, of the method's declared type (receiver first). */
  MethodHandle handle() {
    MethodHandle h = handle;
    if (h == null) {
      try {
        MethodType mt = MethodType.fromMethodDescriptorString(entryDescriptor,
            target.owner.getClassLoader());
        h = target.lookup.findStatic(unit, target.name(), mt).asType(target.type());
      } catch (ReflectiveOperationException e) {
        throw CallErrors.illegalState("Kiln cannot link " + unit.getName() + ": " + e, e);
      }
      handle = h;
    }
    return h;
  }

  /** The same as {@link #handle()}, as {@code (Object[])Object}. */
  private MethodHandle generic() {
    MethodHandle g = generic;
    if (g == null) {
      MethodHandle typed = handle();
      g = typed.asSpreader(Object[].class, typed.type().parameterCount())
          .asType(MethodType.methodType(Object.class, Object[].class));
      generic = g;
    }
    return g;
  }
}
