package dev.kiln.typing;

import dev.kiln.frontend.Kind;
import org.objectweb.asm.Type;

/**
 * A Kiln type: what inference knows of a value, more precise than the bytecode's declared
 * type (Numba's {@code types.Type}). The family is sealed; literal, function, pass-through and
 * extension types join it as the capabilities that need them arrive.
 */
public sealed interface KType permits Prim, ArrayType, InstanceType, NullType {
  /** Java syntax: {@code double}, {@code int[][]}, {@code java.lang.String}. */
  String javaName();

  /** The JVM class values of this type are stored as. */
  Class<?> toClass();

  /** The JVM computational kind ({@code null} for void). */
  default Kind kind() {
    return Kind.REF;
  }

  /** The ASM type of {@link #toClass()}. */
  default Type asmType() {
    return Type.getType(toClass());
  }

  /** Whether every value of this type has exactly {@link #toClass()} as its class (or is null). */
  default boolean isExact() {
    return true;
  }

  /**
   * The declared Kiln type of a class. Here rather than in {@link Types} alone so that keying a
   * call by its arguments does not load {@code Types}, which is large.
   */
  static KType of(Class<?> c) {
    if (c.isPrimitive()) {
      return Prim.of(c);
    }
    if (c.isArray()) {
      KType e = of(c.getComponentType());
      return new ArrayType(e, e instanceof Prim || e.isExact());
    }
    return InstanceType.declared(c);
  }
}
