package dev.kiln.typing;

import dev.kiln.frontend.MethodRef;
import java.util.List;

/**
 * Decides how typed code calls a method: into a specialization compiled into the same unit
 * ({@link UnitCall}), or ({@code null}) the original method as the bytecode names it.
 * Implemented by the compile pipeline, which owns the unit.
 */
@FunctionalInterface
public interface CallResolver {
  CallResolver ORIGINAL = (opcode, method, args) -> null;

  /**
   * @param opcode the invoke opcode
   * @param method the method the bytecode names
   * @param args   argument types, receiver first for instance calls
   */
  UnitCall resolve(int opcode, MethodRef method, List<KType> args);
}
