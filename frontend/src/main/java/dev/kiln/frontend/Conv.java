package dev.kiln.frontend;

import org.objectweb.asm.Opcodes;

/** Primitive conversions, one per JVM conversion instruction. */
public enum Conv {
  I2L(Kind.INT, Kind.LONG, Opcodes.I2L, "long"), I2F(Kind.INT, Kind.FLOAT, Opcodes.I2F, "float"),
  I2D(Kind.INT, Kind.DOUBLE, Opcodes.I2D, "double"), L2I(Kind.LONG, Kind.INT, Opcodes.L2I, "int"),
  L2F(Kind.LONG, Kind.FLOAT, Opcodes.L2F, "float"), L2D(Kind.LONG, Kind.DOUBLE, Opcodes.L2D, "double"),
  F2I(Kind.FLOAT, Kind.INT, Opcodes.F2I, "int"), F2L(Kind.FLOAT, Kind.LONG, Opcodes.F2L, "long"),
  F2D(Kind.FLOAT, Kind.DOUBLE, Opcodes.F2D, "double"), D2I(Kind.DOUBLE, Kind.INT, Opcodes.D2I, "int"),
  D2L(Kind.DOUBLE, Kind.LONG, Opcodes.D2L, "long"), D2F(Kind.DOUBLE, Kind.FLOAT, Opcodes.D2F, "float"),
  I2B(Kind.INT, Kind.INT, Opcodes.I2B, "byte"), I2C(Kind.INT, Kind.INT, Opcodes.I2C, "char"),
  I2S(Kind.INT, Kind.INT, Opcodes.I2S, "short");

  private final Kind from;
  private final Kind to;
  private final int opcode;
  private final String target;

  Conv(Kind from, Kind to, int opcode, String target) {
    this.from = from;
    this.to = to;
    this.opcode = opcode;
    this.target = target;
  }

  public Kind from() {
    return from;
  }

  public Kind to() {
    return to;
  }

  public int opcode() {
    return opcode;
  }

  /** The Java name of the target type: {@code "long"}, {@code "byte"}, ... */
  public String target() {
    return target;
  }

  static Conv ofOpcode(int opcode) {
    for (Conv c : values()) {
      if (c.opcode == opcode) {
        return c;
      }
    }
    throw new IllegalArgumentException("not a conversion: " + opcode);
  }
}
