package dev.kiln.lowering;

import dev.kiln.frontend.Value;
import dev.kiln.typing.KType;
import org.objectweb.asm.MethodVisitor;

/**
 * What a lowering implementation writes code through (Numba's {@code IRBuilder} and
 * {@code context} in one). Protocol: a lowering pushes its operands with {@link #load} or
 * {@link #loadAs}, in the order it needs them, then emits instructions on {@link #visitor()}
 * that leave exactly its result (or nothing, for void) on the operand stack. It must not touch
 * locals it did not get from {@link #newLocal}.
 */
public interface Emitter {
  /** The ASM visitor of the method being written. */
  MethodVisitor visitor();

  /** Pushes {@code v} as its own type's data model holds it. */
  void load(Value v);

  /** Pushes {@code v} converted to {@code target} through the cast lowerings. */
  void loadAs(Value v, KType target);

  /** Pushes a constant ({@link Integer}, {@link Long}, {@link Float}, {@link Double},
   * {@link String} or {@code null}) in the shortest form. */
  void constant(Object value);

  /** The Kiln type of {@code v}. */
  KType typeOf(Value v);

  /** A fresh local able to hold a value of {@code t}; returns its first slot. */
  int newLocal(KType t);

  /** The registry in force, for lowerings that delegate. */
  LoweringRegistry registry();
}
