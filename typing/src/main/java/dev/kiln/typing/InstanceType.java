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

  @Override
  public boolean isExact() {
    return exact;
  }

  @Override
  public String toString() {
    return exact ? javaName() : javaName() + "+";
  }
}
