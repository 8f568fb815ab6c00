package dev.kiln.typing;

/** The type of {@code null} alone (Numba's {@code none}). */
public enum NullType implements KType {
  NULL;

  @Override
  public String javaName() {
    return "null";
  }

  @Override
  public Class<?> toClass() {
    return Object.class;
  }

  @Override
  public String toString() {
    return "null";
  }
}
