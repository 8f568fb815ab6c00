package dev.kiln.lowering;

import dev.kiln.frontend.Value;
import dev.kiln.typing.Signature;
import java.util.List;

/**
 * Emits one operation for one typed signature (Numba's {@code lower_builtin} implementation).
 * See {@link Emitter} for the protocol.
 */
@FunctionalInterface
public interface Lowering {
  /**
   * @param e    where to write
   * @param sig  the signature typing chose (arguments may be wider than the operands' types)
   * @param args the operands, in the operation's order
   */
  void emit(Emitter e, Signature sig, List<Value> args);
}
