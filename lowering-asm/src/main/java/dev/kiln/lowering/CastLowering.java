package dev.kiln.lowering;

import dev.kiln.typing.KType;

/**
 * Converts the value on top of the stack from one type's data model to another's (Numba's
 * {@code lower_cast}).
 */
@FunctionalInterface
public interface CastLowering {
  void emit(Emitter e, KType from, KType to);
}
