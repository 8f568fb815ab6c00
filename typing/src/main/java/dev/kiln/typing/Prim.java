package dev.kiln.typing;

import dev.kiln.frontend.Kind;

/** The primitive types, and void for results. */
public enum Prim implements KType {
  BOOLEAN(boolean.class), BYTE(byte.class), CHAR(char.class), SHORT(short.class), INT(int.class),
  LONG(long.class), FLOAT(float.class), DOUBLE(double.class), VOID(void.class);

  private final Class<?> cls;

  Prim(Class<?> cls) {
    this.cls = cls;
  }

  @Override
  public String javaName() {
    return cls.getName();
  }

  @Override
  public Class<?> toClass() {
    return cls;
  }

  /** The JVM kind; not a field set at construction, so that a dispatcher keying its calls by
   * Prim does not load the frontend's Kind. */
  @Override
  public Kind kind() {
    return this == VOID ? null : this == LONG ? Kind.LONG : this == FLOAT ? Kind.FLOAT
        : this == DOUBLE ? Kind.DOUBLE : Kind.INT;
  }

  /** Whether this is one of the types the JVM computes as int. */
  public boolean isIntLike() {
    return this != VOID && this != LONG && this != FLOAT && this != DOUBLE;
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
