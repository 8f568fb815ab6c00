package dev.kiln.typing;

import dev.kiln.frontend.Kind;

/** The primitive types, and void for results. */
public enum Prim implements KType {
  BOOLEAN(boolean.class, Kind.INT), BYTE(byte.class, Kind.INT), CHAR(char.class, Kind.INT),
  SHORT(short.class, Kind.INT), INT(int.class, Kind.INT), LONG(long.class, Kind.LONG),
  FLOAT(float.class, Kind.FLOAT), DOUBLE(double.class, Kind.DOUBLE), VOID(void.class, null);

  private final Class<?> cls;
  private final Kind kind;

  Prim(Class<?> cls, Kind kind) {
    this.cls = cls;
    this.kind = kind;
  }

  @Override
  public String javaName() {
    return cls.getName();
  }

  @Override
  public Class<?> toClass() {
    return cls;
  }

  @Override
  public Kind kind() {
    return kind;
  }

  /** Whether this is one of the types the JVM computes as int. */
  public boolean isIntLike() {
    return kind == Kind.INT;
  }

  /** The primitive type of a class, or {@code null}. */
  public static Prim of(Class<?> c) {
    for (Prim p : values()) {
      if (p.cls == c) {
        return p;
      }
    }
    return null;
  }

  /**
   * Whether a value of {@code this} type may stand where {@code to} is expected without
   * changing its JVM representation or value: the JLS widening conversions, plus boolean,
   * byte, char and short to int, which the JVM already holds as int.
   */
  public boolean convertsTo(Prim to) {
    if (this == to) {
      return true;
    }
    return switch (this) {
      case BOOLEAN -> to == INT;
      case BYTE -> to == SHORT || to == INT || to == LONG || to == FLOAT || to == DOUBLE;
      case SHORT, CHAR -> to == INT || to == LONG || to == FLOAT || to == DOUBLE;
      case INT -> to == LONG || to == FLOAT || to == DOUBLE;
      case LONG -> to == FLOAT || to == DOUBLE;
      case FLOAT -> to == DOUBLE;
      default -> false;
    };
  }

  @Override
  public String toString() {
    return javaName();
  }
}
