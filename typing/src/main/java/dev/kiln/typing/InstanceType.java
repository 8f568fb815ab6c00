package dev.kiln.typing;

import java.lang.reflect.Modifier;

/**
 * A reference to an object of class {@code cls}: exactly that class when {@code exact} (as
 * {@code typeof} of a runtime value gives), else that class or any subclass (a declared type).
 */
public record InstanceType(Class<?> cls, boolean exact) implements KType {
  public static final InstanceType OBJECT = new InstanceType(Object.class, false);

  /** The declared type {@code cls}: exact only when no subclass can exist. */
  public static InstanceType declared(Class<?> cls) {
    return new InstanceType(cls, Modifier.isFinal(cls.getModifiers()));
  }

  public static InstanceType exact(Class<?> cls) {
    return new InstanceType(cls, true);
  }

  @Override
  public String javaName() {
    return cls.getTypeName();
  }

  @Override
  public Class<?> toClass() {
    return cls;
  }

  /**
   * The class values are held as in JVM slots and descriptors: {@code cls} itself, unless it
   * cannot be named (a hidden class such as a lambda's), then the supertype callers name.
   */
  @Override
  public org.objectweb.asm.Type asmType() {
    return org.objectweb.asm.Type.getType(nameable(cls));
  }

  /** {@code c}, or for a hidden class its superclass or (for lambdas) its first interface. */
  public static Class<?> nameable(Class<?> c) {
    if (!c.isHidden()) {
      return c;
    }
    Class<?> s = c.getSuperclass();
    if (s != null && s != Object.class) {
      return nameable(s);
    }
    Class<?>[] is = c.getInterfaces();
    return is.length > 0 ? is[0] : Object.class;
  }

  @Override
  public boolean isExact() {
    return exact;
  }

  // equals and hashCode written out: a record's generated ones bootstrap method handles, which
  // the dispatcher's first call (a warm start) cannot afford

  @Override
  public boolean equals(Object o) {
    return o instanceof InstanceType t && cls == t.cls && exact == t.exact;
  }

  @Override
  public int hashCode() {
    return cls.hashCode() * 2 + (exact ? 1 : 0);
  }

  @Override
  public String toString() {
    return exact ? javaName() : javaName() + "+";
  }
}
