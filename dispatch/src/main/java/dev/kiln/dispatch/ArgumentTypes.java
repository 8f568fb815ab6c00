package dev.kiln.dispatch;

import dev.kiln.typing.InstanceType;
import dev.kiln.typing.KType;
import dev.kiln.typing.Prim;
import dev.kiln.typing.Typeof;

/**
 * The specialization key of one argument: what {@code typeof} says of the value, within what
 * the parameter's declared type allows. A primitive parameter takes its declared type (the
 * value must convert to it). A reference parameter takes the value's exact class, unless the
 * declared type is already exact (a final class, a primitive array) or the value is null;
 * then the declared type.
 */
final class ArgumentTypes {
  private ArgumentTypes() {}

  /** The key of {@code value} for a parameter declared {@code declared}, or {@code null} when
   * the value cannot be passed. */
  static KType of(Class<?> declared, Object value) {
    if (declared.isPrimitive()) {
      KType t = Typeof.typeof(value);
      Prim want = Prim.of(declared);
      return t instanceof Prim p && p.convertsTo(want) && !(p == Prim.BOOLEAN && want != Prim.BOOLEAN)
          ? want : null;
    }
    KType d = KType.of(declared);
    if (value == null) {
      return d;
    }
    if (!declared.isInstance(value)) {
      return null;
    }
    if (d.isExact()) {
      return d;
    }
    KType t = Typeof.typeof(value);
    return t instanceof Prim ? InstanceType.exact(value.getClass()) : t;
  }

  /** Whether the key of a parameter declared {@code declared} depends on the argument. */
  static boolean varies(Class<?> declared) {
    return !declared.isPrimitive() && !KType.of(declared).isExact();
  }
}
