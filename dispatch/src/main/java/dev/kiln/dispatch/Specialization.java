package dev.kiln.dispatch;

import dev.kiln.typing.KType;
import dev.kiln.typing.Signature;
import java.lang.invoke.MethodHandle;
import java.util.List;

/**
 * One compiled signature of a dispatcher.
 *
 * @param key          the argument types it was compiled for (receiver first)
 * @param signature    its typed signature
 * @param handle       the compiled entry, of the method's declared type (receiver first)
 * @param generic      the same, as {@code (Object[])Object}
 * @param typedIr      the typed IR of the unit's methods, for {@code inspectTypes}
 * @param bytes        the generated class, or {@code null} for a fallback to the original
 * @param compileNanos wall time spent compiling it
 * @param origin       compiled now, loaded from the disk cache, or the original method
 */
record Specialization(List<KType> key, Signature signature, MethodHandle handle,
                      MethodHandle generic, String typedIr, byte[] bytes, long compileNanos,
                      Origin origin) {
  /** Where a specialization came from, for {@code stats()}. */
  enum Origin { COMPILED, COMPILED_AFTER_CACHE_MISS, FROM_CACHE, ORIGINAL }

  boolean isFallback() {
    return bytes == null;
  }
}
