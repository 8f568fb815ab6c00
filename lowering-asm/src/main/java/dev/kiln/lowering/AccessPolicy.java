package dev.kiln.lowering;

import dev.kiln.frontend.FieldRef;
import dev.kiln.frontend.MethodRef;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Modifier;
import org.objectweb.asm.Type;

/**
 * Decides whether code in a generated unit may name a class or member directly. The unit is a
 * class of its own in the host's package and loader: it reaches public members of accessible
 * classes and package-private and protected members of its package, but not private ones (it
 * is no nestmate of the host); those go through {@link CompileUnit#BOOTSTRAPS}.
 */
final class AccessPolicy {
  private final Class<?> host;
  private final String pkg;

  AccessPolicy(Class<?> host) {
    this.host = host;
    this.pkg = host.getPackageName();
  }

  ClassLoader loader() {
    return host.getClassLoader();
  }

  Class<?> load(String internalName) {
    String name = internalName.startsWith("[") ? Type.getObjectType(internalName).getClassName()
        : internalName.replace('/', '.');
    try {
      if (internalName.startsWith("[")) {
        return Class.forName(internalName.replace('/', '.'), false, loader());
      }
      return Class.forName(name, false, loader());
    } catch (ClassNotFoundException | LinkageError e) {
      throw new LoweringError("cannot load " + name + ": " + e, e);
    }
  }

  boolean samePackage(Class<?> c) {
    return c.getPackageName().equals(pkg) && c.getClassLoader() == host.getClassLoader();
  }

  boolean classAccessible(Class<?> c) {
    while (c.isArray()) {
      c = c.getComponentType();
    }
    if (c.isPrimitive() || samePackage(c)) {
      return true;
    }
    // a member class's modifiers are its source-level ones; the class file marks protected
    // member classes public and private ones package-private
    int mod = c.getModifiers();
    boolean jvmPublic = Modifier.isPublic(mod) || c.isMemberClass() && Modifier.isProtected(mod);
    return jvmPublic && c.getModule().isExported(c.getPackageName());
  }

  /** Whether the unit may call {@code ref} with the instruction the original used. */
  boolean accessible(MethodRef ref) {
    if (ref.owner().startsWith("[")) {
      return true; // an array's methods: clone() is public on arrays, the rest are Object's
    }
    Class<?> owner = load(ref.owner());
    if (!classAccessible(owner)) {
      return false;
    }
    Member m = dev.kiln.typing.Members.resolveMethod(owner, ref.name(), ref.desc());
    return m == null || memberAccessible(m);
  }

  /**
   * Whether {@code ref} is caller-sensitive ({@code MethodHandles.lookup()},
   * {@code Method.invoke}…): its behaviour depends on the class calling it, so a call from the
   * unit must be made as from the class the original code was in.
   */
  boolean callerSensitive(MethodRef ref) {
    if (!ref.owner().startsWith("java/") && !ref.owner().startsWith("jdk/")
        && !ref.owner().startsWith("javax/") && !ref.owner().startsWith("sun/")) {
      return false;
    }
    Member m = dev.kiln.typing.Members.resolveMethod(load(ref.owner()), ref.name(),
        ref.desc());
    if (!(m instanceof java.lang.reflect.AnnotatedElement a)) {
      return false;
    }
    for (java.lang.annotation.Annotation an : a.getDeclaredAnnotations()) {
      if (an.annotationType().getName().equals("jdk.internal.reflect.CallerSensitive")) {
        return true;
      }
    }
    return false;
  }

  /** Whether the unit may read or write {@code ref} directly. */
  boolean accessible(FieldRef ref) {
    Class<?> owner = load(ref.owner());
    if (!classAccessible(owner)) {
      return false;
    }
    Field f = dev.kiln.typing.Members.resolveField(owner, ref.name());
    return f == null || memberAccessible(f);
  }

  private boolean memberAccessible(Member m) {
    int mod = m.getModifiers();
    if (Modifier.isPrivate(mod)) {
      return false;
    }
    return Modifier.isPublic(mod) || samePackage(m.getDeclaringClass());
  }
}
