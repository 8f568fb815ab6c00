package dev.kiln.dispatch;

import dev.kiln.frontend.Frontend;
import dev.kiln.typing.Types;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The user's method a dispatcher compiles: its reflective form, its bytecode, the
 * full-privilege lookup of its class, and its type as callers see it (receiver first).
 */
final class MethodTarget {
  final Class<?> owner;
  final Method method;
  final MethodHandles.Lookup lookup;
  final boolean isStatic;
  final Class<?>[] params;
  /** The type callers see, made on first request (a warm {@code invoke} never needs it). */
  private volatile MethodType type;
  /** The name the original body runs under: the method's own, or the agent's renamed copy. */
  final String originalName;
  /** The method's JVM descriptor (its own parameters, no receiver). */
  private final String descriptor;
  private volatile ClassNode classNode;
  /** The method holding the original body, accessible; null until the first disabled call. */
  private volatile Method originalMethod;

  MethodTarget(Class<?> owner, Method method, MethodHandles.Lookup lookup) {
    this(owner, method, lookup, method.getName());
  }

  MethodTarget(Class<?> owner, Method method, MethodHandles.Lookup lookup, String originalName) {
    this.originalName = originalName;
    this.owner = owner;
    this.method = method;
    this.lookup = lookup;
    this.isStatic = Modifier.isStatic(method.getModifiers());
    List<Class<?>> ps = new ArrayList<>();
    if (!isStatic) {
      ps.add(owner);
    }
    ps.addAll(List.of(method.getParameterTypes()));
    this.params = ps.toArray(new Class<?>[0]);
    this.descriptor = descriptorOf(method);
  }

  /** {@code m}'s JVM descriptor (not ASM's nor MethodType's: no classes to load for it). */
  static String descriptorOf(Method m) {
    StringBuilder sb = new StringBuilder("(");
    for (Class<?> p : m.getParameterTypes()) {
      sb.append(p.descriptorString());
    }
    return sb.append(')').append(m.getReturnType().descriptorString()).toString();
  }

  /** The method's type as callers see it, receiver first for an instance method. */
  MethodType type() {
    MethodType t = type;
    if (t == null) {
      t = MethodType.methodType(method.getReturnType(), params);
      type = t;
    }
    return t;
  }

  String name() {
    return method.getName();
  }

  String descriptor() {
    return descriptor;
  }

  /** {@code Owner.name(params)}, for messages. */
  String display() {
    StringBuilder sb = new StringBuilder(owner.getName()).append('.').append(name()).append('(');
    Class<?>[] ps = method.getParameterTypes();
    for (int i = 0; i < ps.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(ps[i].getTypeName());
    }
    return sb.append(')').toString();
  }

  ClassNode classNode() {
    ClassNode cn = classNode;
    if (cn == null) {
      cn = Frontend.parse(ClassBytes.of(owner));
      classNode = cn;
    }
    return cn;
  }

  MethodNode methodNode() {
    MethodNode mn = Frontend.method(classNode(), name(), descriptor());
    if (mn == null) {
      throw CallErrors.illegalState("no bytecode for " + display(), null);
    }
    return mn;
  }

  /**
   * Runs the original method with {@code args} (receiver first): by reflection where Kiln may
   * (a disabled Kiln then adapts no method handle, which would cost a start several
   * milliseconds), else through {@link #original()}.
   */
  Object invokeOriginal(Object[] args) throws Throwable {
    if (!isStatic && args.length == 0) {
      return original().invokeWithArguments(args); // no receiver: the handle says so
    }
    Method m = originalMethod;
    if (m == null) {
      m = method;
      if (!originalName.equals(method.getName())) {
        Method moved = named(owner.getDeclaredMethods(), originalName,
            method.getParameterTypes());
        m = moved != null ? moved : m;
      }
      if (!m.trySetAccessible()) {
        return original().invokeWithArguments(args);
      }
      originalMethod = m;
    }
    try {
      if (isStatic) {
        return m.invoke(null, args);
      }
      return m.invoke(args[0], java.util.Arrays.copyOfRange(args, 1, args.length));
    } catch (ReflectiveOperationException e) { // not named: see CallErrors
      throw e instanceof java.lang.reflect.InvocationTargetException ? e.getCause() : e;
    }
  }

  /**
   * The method among {@code methods} named {@code name} that takes {@code params}, or null. A
   * scan, not {@code getDeclaredMethod}/{@code getMethod}: their NoSuchMethodException formats
   * its message with a stream and lambdas, several milliseconds of a start.
   */
  static Method named(Method[] methods, String name, Class<?>[] params) {
    for (Method m : methods) {
      if (m.getName().equals(name) && java.util.Arrays.equals(m.getParameterTypes(), params)) {
        return m;
      }
    }
    return null;
  }

  /** The original method as a handle of {@link #type}. */
  MethodHandle original() {
    try {
      MethodType mt = MethodType.methodType(method.getReturnType(), method.getParameterTypes());
      if (isStatic) {
        return lookup.findStatic(owner, originalName, mt);
      }
      return originalName.equals(name()) ? lookup.findVirtual(owner, originalName, mt)
          : lookup.findSpecial(owner, originalName, mt, owner);
    } catch (ReflectiveOperationException e) {
      throw CallErrors.illegalState("cannot reach " + display() + ": " + e, e);
    }
  }

  /**
   * Finds {@code spec} in {@code owner}: a name, or a name with Java parameter types
   * ({@code "dot(double[], double[])"}) where overloads share it.
   */
  static Method find(Class<?> owner, String spec) {
    String s = spec.strip();
    int open = s.indexOf('(');
    String name = open < 0 ? s : s.substring(0, open).strip();
    List<Method> candidates = new ArrayList<>();
    for (Method m : owner.getDeclaredMethods()) {
      if (m.getName().equals(name) && !m.isSynthetic() && !m.isBridge()) {
        candidates.add(m);
      }
    }
    if (open >= 0) {
      if (!s.endsWith(")")) {
        throw new IllegalArgumentException("bad method " + spec);
      }
      String inner = s.substring(open + 1, s.length() - 1).strip();
      List<Class<?>> want = new ArrayList<>();
      if (!inner.isEmpty()) {
        for (String p : inner.split(",")) {
          want.add(Types.parseType(p, owner.getClassLoader()).toClass());
        }
      }
      candidates.removeIf(m -> !List.of(m.getParameterTypes()).equals(want));
    }
    if (candidates.isEmpty()) {
      throw new IllegalArgumentException("no method " + spec + " in " + owner.getName());
    }
    if (candidates.size() > 1) {
      StringBuilder sb = new StringBuilder("method " + name + " of " + owner.getName()
          + " is overloaded; name one with its parameter types:");
      for (Method m : candidates) {
        sb.append(' ').append(new MethodTarget(owner, m, null).display());
      }
      throw new IllegalArgumentException(sb.toString());
    }
    Method m = candidates.get(0);
    if (Modifier.isAbstract(m.getModifiers()) || Modifier.isNative(m.getModifiers())) {
      throw new IllegalArgumentException(spec + " of " + owner.getName()
          + " has no bytecode (abstract or native)");
    }
    return m;
  }
}
