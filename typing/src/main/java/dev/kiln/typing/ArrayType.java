package dev.kiln.typing;

/**
 * An array. {@code exact}: the runtime class is exactly {@code element[]} (always so for
 * primitive elements); otherwise the array may be of a subclass's element type.
 */
public record ArrayType(KType element, boolean exact) implements KType {
  public static ArrayType of(KType element) {
    return new ArrayType(element, true);
  }

  @Override
  public String javaName() {
    return element.javaName() + "[]";
  }

  @Override
  public Class<?> toClass() {
    return element.toClass().arrayType();
  }

  @Override
  public boolean isExact() {
    return exact || element instanceof Prim;
  }

  @Override
  public String toString() {
    return javaName();
  }
}
