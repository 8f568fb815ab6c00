package dev.kiln.lowering;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Numbers for classes generated code must reach but cannot name: hidden classes (lambdas),
 * classes outside its package. A bootstrap turns the number back into the class. Entries are
 * kept for the life of the JVM, as the specializations that use them are.
 */
public final class ClassTokens {
  private static final List<Class<?>> CLASSES = new CopyOnWriteArrayList<>();

  private ClassTokens() {}

  /** The token of {@code c}, registering it on first use. */
  public static synchronized int of(Class<?> c) {
    int i = CLASSES.indexOf(c);
    if (i >= 0) {
      return i;
    }
    CLASSES.add(c);
    return CLASSES.size() - 1;
  }

  /** The class of a token. */
  public static Class<?> get(int token) {
    return CLASSES.get(token);
  }
}
