package dev.kiln.lowering;

import dev.kiln.frontend.Value;
import dev.kiln.typing.Signature;
import java.util.List;
import org.objectweb.asm.Label;

/**
 * Emits a conditional jump for a condition key ({@code "<"}, {@code "=="}…): loads the
 * operands and jumps to {@code ifTrue} when the condition holds, falling through otherwise.
 * {@code args} has one operand when the original compared with zero or null.
 */
@FunctionalInterface
public interface BranchLowering {
  void emit(Emitter e, Signature sig, List<Value> args, Label ifTrue);
}
