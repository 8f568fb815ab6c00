package dev.kiln.typing;

import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.List;
import org.objectweb.asm.Type;

/**
 * How the JVM finds a member named in bytecode, answered with reflection: resolution (JVMS
 * 5.4.3.2, 5.4.3.3: which member an instruction names) and selection (5.4.6: which method an
 * {@code invokevirtual} or {@code invokespecial} runs for a receiver of a known class). The
 * compiler's several questions about members (may the unit name it, may a call's body be
 * linked into the unit, is a static field constant) all start from these.
 */
public final class Members {
  private Members() {}

  /** The field {@code name} as the JVM resolves it from {@code c}, or {@code null}. */
  public static Field resolveField(Class<?> c, String name) {
    ArrayDeque<Class<?>> todo = new ArrayDeque<>();
    todo.add(c);
    while (!todo.isEmpty()) {
      Class<?> k = todo.poll();
      for (Field f : k.getDeclaredFields()) {
        if (f.getName().equals(name)) {
          return f;
        }
      }
      todo.addAll(List.of(k.getInterfaces()));
      if (k.getSuperclass() != null) {
        todo.add(k.getSuperclass());
      }
    }
    return null;
  }

  /**
   * The method (or, for {@code <init>}, constructor) {@code name desc} as the JVM resolves it
   * from {@code c}: the class and its superclasses, then superinterfaces; {@code null} if none.
   */
  public static Member resolveMethod(Class<?> c, String name, String desc) {
    if (name.equals("<init>")) {
      for (var k : c.getDeclaredConstructors()) {
        if (Type.getConstructorDescriptor(k).equals(desc)) {
          return k;
        }
      }
      return null;
    }
    for (Class<?> k = c; k != null; k = k.getSuperclass()) {
      Method m = declared(k, name, desc);
      if (m != null) {
        return m;
      }
    }
    ArrayDeque<Class<?>> todo = new ArrayDeque<>();
    for (Class<?> k = c; k != null; k = k.getSuperclass()) {
      todo.addAll(List.of(k.getInterfaces()));
    }
    while (!todo.isEmpty()) {
      Class<?> i = todo.poll();
      Method m = declared(i, name, desc);
      if (m != null) {
        return m;
      }
      todo.addAll(List.of(i.getInterfaces()));
    }
    return null;
  }

  /** The static method {@code invokestatic c.name desc} runs, or {@code null}. */
  public static Method findStatic(Class<?> c, String name, String desc) {
    for (Class<?> k = c; k != null; k = k.getSuperclass()) {
      Method m = declared(k, name, desc);
      if (m != null && Modifier.isStatic(m.getModifiers())) {
        return m;
      }
    }
    return null;
  }

  /** The method {@code invokespecial c.name desc} runs, or {@code null}. */
  public static Method selectSpecial(Class<?> c, String name, String desc) {
    for (Class<?> k = c; k != null; k = k.getSuperclass()) {
      Method m = declared(k, name, desc);
      if (m != null) {
        return m;
      }
    }
    return maximallySpecificDefault(c, name, desc);
  }

  /**
   * The method {@code invokevirtual} runs for a receiver of exactly class {@code c}; {@code null}
   * if that is abstract or not one method (the JVM then decides, or throws).
   */
  public static Method selectVirtual(Class<?> c, String name, String desc) {
    for (Class<?> k = c; k != null; k = k.getSuperclass()) {
      Method m = declared(k, name, desc);
      if (m != null && !Modifier.isStatic(m.getModifiers())
          && !Modifier.isPrivate(m.getModifiers())) {
        return Modifier.isAbstract(m.getModifiers()) ? null : m;
      }
    }
    return maximallySpecificDefault(c, name, desc);
  }

  /** The one maximally specific default method of {@code c}'s interfaces, else {@code null}. */
  private static Method maximallySpecificDefault(Class<?> c, String name, String desc) {
    ArrayDeque<Class<?>> todo = new ArrayDeque<>();
    for (Class<?> k = c; k != null; k = k.getSuperclass()) {
      todo.addAll(List.of(k.getInterfaces()));
    }
    Method found = null;
    while (!todo.isEmpty()) {
      Class<?> i = todo.poll();
      Method m = declared(i, name, desc);
      if (m != null && m.isDefault()) {
        Class<?> mine = m.getDeclaringClass();
        Class<?> theirs = found == null ? null : found.getDeclaringClass();
        if (theirs != null && theirs != mine && !theirs.isAssignableFrom(mine)
            && !mine.isAssignableFrom(theirs)) {
          return null; // two unrelated defaults: let the JVM decide
        }
        if (theirs == null || theirs.isAssignableFrom(mine)) {
          found = m;
        }
      }
      todo.addAll(List.of(i.getInterfaces()));
    }
    return found;
  }

  private static Method declared(Class<?> k, String name, String desc) {
    for (Method m : k.getDeclaredMethods()) {
      if (m.getName().equals(name) && Type.getMethodDescriptor(m).equals(desc)) {
        return m;
      }
    }
    return null;
  }
}
