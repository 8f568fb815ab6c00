package dev.kiln.typing;

import java.util.List;

/**
 * A typed signature: result and argument types (Numba's {@code Signature}). Printed in Java
 * syntax: {@code double(double[], double[])}.
 */
public record Signature(KType returnType, List<KType> args) {
  public Signature {
    args = List.copyOf(args);
  }

  public static Signature of(KType returnType, KType... args) {
    return new Signature(returnType, List.of(args));
  }

  /** The JVM method descriptor of the classes the types are stored as. */
  public String descriptor() {
    StringBuilder sb = new StringBuilder("(");
    for (KType a : args) {
      sb.append(a.asmType().getDescriptor());
    }
    return sb.append(')').append(returnType.asmType().getDescriptor()).toString();
  }

  /** The argument list alone: {@code (double[], double[])}. */
  public String argsText() {
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < args.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(args.get(i).javaName());
    }
    return sb.append(')').toString();
  }

  // equals and hashCode written out: a record's generated ones bootstrap method handles, which
  // the dispatcher's first call (a warm start) cannot afford

  @Override
  public boolean equals(Object o) {
    return o instanceof Signature s && returnType.equals(s.returnType) && args.equals(s.args);
  }

  @Override
  public int hashCode() {
    return returnType.hashCode() * 31 + args.hashCode();
  }

  @Override
  public String toString() {
    return returnType.javaName() + argsText();
  }
}
