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

  // equals and hashCode written out: a record's generated ones bootstrap method handles, which
  // the dispatcher's first call (a warm start) cannot afford

  @Override
  public boolean equals(Object o) {
    return o instanceof ArrayType a && exact == a.exact && element.equals(a.element);
  }

  @Override
  public int hashCode() {
    return element.hashCode() * 2 + (exact ? 1 : 0);
  }

  @Override
  public String toString() {
    return javaName();
  }
}
