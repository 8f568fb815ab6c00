package dev.kiln.typing;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Type;

/** Operations on the type lattice: conversion from bytecode types, join, parsing Java syntax. */
public final class Types {
  private Types() {}

  /**
   * The Kiln type of a declared bytecode type, loading (not initializing) classes through
   * {@code loader}.
   */
  public static KType of(Type t, ClassLoader loader) {
    return switch (t.getSort()) {
      case Type.BOOLEAN -> Prim.BOOLEAN;
      case Type.BYTE -> Prim.BYTE;
      case Type.CHAR -> Prim.CHAR;
      case Type.SHORT -> Prim.SHORT;
      case Type.INT -> Prim.INT;
      case Type.LONG -> Prim.LONG;
      case Type.FLOAT -> Prim.FLOAT;
      case Type.DOUBLE -> Prim.DOUBLE;
      case Type.VOID -> Prim.VOID;
      case Type.ARRAY -> {
        KType e = of(t.getElementType(), loader);
        for (int i = 1; i < t.getDimensions(); i++) {
          e = new ArrayType(e, e instanceof Prim || e.isExact());
        }
        yield new ArrayType(e, e instanceof Prim || e.isExact());
      }
      default -> InstanceType.declared(load(t.getClassName(), loader));
    };
  }

  /** Loads a class by binary name without initializing it. */
  public static Class<?> load(String name, ClassLoader loader) {
    try {
      return Class.forName(name, false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new TypingError("Kiln cannot load class " + name + ": " + e, e);
    }
  }

  /**
   * The least type holding values of both {@code a} and {@code b} ({@code null} means "not
   * known yet"), or throws when the two cannot meet (they never do in verified bytecode).
   */
  public static KType join(KType a, KType b) {
    if (a == null) {
      return b;
    }
    if (b == null || a.equals(b)) {
      return a;
    }
    if (a instanceof Prim pa && b instanceof Prim pb) {
      if (pa.isIntLike() && pb.isIntLike()) {
        if (pa.convertsTo(pb) && pb != Prim.BOOLEAN) {
          return pb;
        }
        if (pb.convertsTo(pa) && pa != Prim.BOOLEAN) {
          return pa;
        }
        return Prim.INT;
      }
      return null;
    }
    if (a instanceof Prim || b instanceof Prim) {
      return null;
    }
    if (a == NullType.NULL) {
      return b;
    }
    if (b == NullType.NULL) {
      return a;
    }
    if (a instanceof ArrayType x && b instanceof ArrayType y) {
      if (x.element().equals(y.element())) {
        return new ArrayType(x.element(), x.exact() && y.exact());
      }
      if (!(x.element() instanceof Prim) && !(y.element() instanceof Prim)) {
        KType e = join(x.element(), y.element());
        if (e != null) {
          return new ArrayType(e, false);
        }
      }
      return InstanceType.OBJECT;
    }
    Class<?> ca = a.toClass();
    Class<?> cb = b.toClass();
    if (ca == cb) {
      return new InstanceType(ca, false);
    }
    if (ca.isAssignableFrom(cb)) {
      return new InstanceType(ca, false);
    }
    if (cb.isAssignableFrom(ca)) {
      return new InstanceType(cb, false);
    }
    Class<?> s = ca.isInterface() || cb.isInterface() ? Object.class : ca.getSuperclass();
    while (s != null && !s.isAssignableFrom(cb)) {
      s = s.getSuperclass();
    }
    if (s == null || s == Object.class) {
      Class<?> common = commonInterface(ca, cb);
      if (common != null) {
        return new InstanceType(common, false);
      }
    }
    return new InstanceType(s == null ? Object.class : s, false);
  }

  /**
   * The one most specific interface both classes implement, or {@code null} when there is none
   * or several (two shapes of a {@code Shape} interface meet at {@code Shape}).
   */
  private static Class<?> commonInterface(Class<?> a, Class<?> b) {
    java.util.Set<Class<?>> mine = new java.util.LinkedHashSet<>();
    java.util.ArrayDeque<Class<?>> todo = new java.util.ArrayDeque<>();
    for (Class<?> k = a; k != null; k = k.getSuperclass()) {
      todo.addAll(List.of(k.getInterfaces()));
    }
    if (a.isInterface()) {
      todo.add(a);
    }
    while (!todo.isEmpty()) {
      Class<?> i = todo.poll();
      if (mine.add(i)) {
        todo.addAll(List.of(i.getInterfaces()));
      }
    }
    List<Class<?>> shared = new ArrayList<>();
    for (Class<?> i : mine) {
      if (i.isAssignableFrom(b)) {
        shared.add(i);
      }
    }
    shared.removeIf(i -> shared.stream().anyMatch(j -> j != i && i.isAssignableFrom(j)));
    return shared.size() == 1 ? shared.get(0) : null;
  }

  /** Whether a value of type {@code from} may be used where {@code to} is expected. */
  public static boolean convertible(KType from, KType to) {
    if (from.equals(to)) {
      return true;
    }
    if (from instanceof Prim pf) {
      return to instanceof Prim pt && pf.convertsTo(pt);
    }
    if (to instanceof Prim) {
      return false;
    }
    if (from == NullType.NULL) {
      return true;
    }
    if (to instanceof InstanceType it && !it.exact()) {
      return it.cls().isAssignableFrom(from.toClass());
    }
    if (to instanceof ArrayType at && from instanceof ArrayType af) {
      return at.element().equals(af.element()) ? !at.exact() || af.isExact()
          : !at.exact() && !(at.element() instanceof Prim) && convertible(af.element(), at.element());
    }
    return to.isExact() && from.isExact() && to.toClass() == from.toClass();
  }

  /**
   * Parses a signature in Java syntax, {@code "double(double[], double[])"}; class names are
   * binary names, or simple names of {@code java.lang} classes, resolved through {@code loader}.
   */
  public static Signature parseSignature(String text, ClassLoader loader) {
    String s = text.strip();
    int open = s.indexOf('(');
    if (open < 0 || !s.endsWith(")")) {
      throw new IllegalArgumentException("not a signature, expected e.g. "
          + "\"double(double[], double[])\": " + text);
    }
    KType ret = parseType(s.substring(0, open).strip(), loader);
    List<KType> args = new ArrayList<>();
    String inner = s.substring(open + 1, s.length() - 1).strip();
    if (!inner.isEmpty()) {
      for (String a : inner.split(",")) {
        args.add(parseType(a.strip(), loader));
      }
    }
    return new Signature(ret, args);
  }

  /** Parses one type in Java syntax (see {@link #parseSignature}). */
  public static KType parseType(String text, ClassLoader loader) {
    String t = text.strip();
    int dims = 0;
    while (t.endsWith("[]")) {
      dims++;
      t = t.substring(0, t.length() - 2).strip();
    }
    if (t.endsWith("...")) {
      dims++;
      t = t.substring(0, t.length() - 3).strip();
    }
    KType base;
    Class<?> prim = switch (t) {
      case "boolean" -> boolean.class;
      case "byte" -> byte.class;
      case "char" -> char.class;
      case "short" -> short.class;
      case "int" -> int.class;
      case "long" -> long.class;
      case "float" -> float.class;
      case "double" -> double.class;
      case "void" -> void.class;
      default -> null;
    };
    if (prim != null) {
      base = Prim.of(prim);
    } else {
      Class<?> c;
      try {
        c = Class.forName(t, false, loader);
      } catch (ClassNotFoundException e) {
        try {
          c = Class.forName("java.lang." + t, false, loader);
        } catch (ClassNotFoundException e2) {
          throw new IllegalArgumentException("unknown type in signature: " + text);
        }
      }
      base = InstanceType.declared(c);
    }
    for (int i = 0; i < dims; i++) {
      base = new ArrayType(base, base instanceof Prim || base.isExact());
    }
    return base;
  }
}
