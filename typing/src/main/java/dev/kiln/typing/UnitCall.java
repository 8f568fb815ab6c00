package dev.kiln.typing;

import java.util.List;
import org.objectweb.asm.Type;

/**
 * A call typed against a specialization compiled into the same unit (class) as its caller:
 * typed functions call each other directly, as Numba links callees into the caller.
 *
 * @param name       the specialization's method name in the unit
 * @param signature  its typed signature (the result type may be more precise than declared)
 * @param descriptor its JVM descriptor: the argument types' classes and the declared result,
 *                   so that a recursive call typed before its callee finished agrees with it
 */
public record UnitCall(String name, Signature signature, String descriptor) {
  /** The descriptor of a unit method with {@code args} and the declared result {@code ret}. */
  public static String descriptor(List<KType> args, Type declaredReturn) {
    StringBuilder sb = new StringBuilder("(");
    for (KType a : args) {
      sb.append(a.asmType().getDescriptor());
    }
    return sb.append(')').append(declaredReturn.getDescriptor()).toString();
  }
}
