package dev.kiln.typing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The Kiln type of a runtime value (Numba's {@code typeof}): boxes give their primitive,
 * arrays their exact array type, other objects their exact class, {@code null} gives
 * {@link NullType#NULL}. {@link #register} adds a rule for a class (Numba's
 * {@code @typeof_impl.register}); a rule for a class also applies to its subclasses, the most
 * specific registered class winning.
 */
public final class Typeof {
  private static final Map<Class<?>, Function<Object, KType>> RULES = new ConcurrentHashMap<>();

  private Typeof() {}

  /** Registers {@code rule} for values whose class is {@code cls} or extends it. */
  public static <T> void register(Class<T> cls, Function<? super T, KType> rule) {
    @SuppressWarnings("unchecked")
    Function<Object, KType> f = v -> rule.apply((T) v);
    RULES.put(cls, f);
  }

  /** The Kiln type of {@code value}. */
  public static KType typeof(Object value) {
    if (value == null) {
      return NullType.NULL;
    }
    Class<?> c = value.getClass();
    if (!RULES.isEmpty()) {
      for (Class<?> k = c; k != null; k = k.getSuperclass()) {
        Function<Object, KType> rule = RULES.get(k);
        if (rule != null) {
          return rule.apply(value);
        }
      }
    }
    if (value instanceof Integer) {
      return Prim.INT;
    } else if (value instanceof Double) {
      return Prim.DOUBLE;
    } else if (value instanceof Long) {
      return Prim.LONG;
    } else if (value instanceof Float) {
      return Prim.FLOAT;
    } else if (value instanceof Boolean) {
      return Prim.BOOLEAN;
    } else if (value instanceof Byte) {
      return Prim.BYTE;
    } else if (value instanceof Character) {
      return Prim.CHAR;
    } else if (value instanceof Short) {
      return Prim.SHORT;
    }
    return ofClass(c);
  }

  /** The exact type of values of class {@code c} (a box stays a reference here). */
  public static KType ofClass(Class<?> c) {
    if (c.isArray()) {
      KType e = c.getComponentType().isPrimitive() ? Prim.of(c.getComponentType())
          : KType.of(c.getComponentType());
      return new ArrayType(e, true);
    }
    return InstanceType.exact(c);
  }
}
