package dev.kiln.frontend;

import org.objectweb.asm.Type;

/**
 * The JVM's computational kind of a value: what the operand stack and locals distinguish.
 * {@code INT} covers boolean, byte, char and short as well; typing refines it.
 */
public enum Kind {
  INT, LONG, FLOAT, DOUBLE, REF;

  /** Slots the kind takes in locals. */
  public int size() {
    return this == LONG || this == DOUBLE ? 2 : 1;
  }

  /** The kind of a field, parameter or return type ({@code null} for void). */
  public static Kind of(Type t) {
    return switch (t.getSort()) {
      case Type.BOOLEAN, Type.BYTE, Type.CHAR, Type.SHORT, Type.INT -> INT;
      case Type.LONG -> LONG;
      case Type.FLOAT -> FLOAT;
      case Type.DOUBLE -> DOUBLE;
      case Type.ARRAY, Type.OBJECT -> REF;
      case Type.VOID -> null;
      default -> throw new IllegalArgumentException(t.toString());
    };
  }

  /** Lower-case name used by the IR printer. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
