package dev.kiln.lowering;

import org.objectweb.asm.ClassWriter;

/**
 * A {@link ClassWriter} computing frames with the user's class loader. ASM's default
 * {@code getCommonSuperClass} loads classes through ASM's own loader, which cannot see user
 * classes and would initialize nothing but may load the wrong ones; this one resolves names
 * through the unit's loader, without initializing, as typing already did.
 */
final class FrameClassWriter extends ClassWriter {
  private final ClassLoader loader;

  FrameClassWriter(ClassLoader loader) {
    super(COMPUTE_FRAMES | COMPUTE_MAXS);
    this.loader = loader;
  }

  @Override
  protected ClassLoader getClassLoader() {
    return loader;
  }

  @Override
  protected String getCommonSuperClass(String type1, String type2) {
    Class<?> a;
    Class<?> b;
    try {
      a = Class.forName(type1.replace('/', '.'), false, loader);
      b = Class.forName(type2.replace('/', '.'), false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      return "java/lang/Object";
    }
    if (a.isAssignableFrom(b)) {
      return type1;
    }
    if (b.isAssignableFrom(a)) {
      return type2;
    }
    if (a.isInterface() || b.isInterface()) {
      return "java/lang/Object";
    }
    do {
      a = a.getSuperclass();
    } while (!a.isAssignableFrom(b));
    return a.getName().replace('.', '/');
  }
}
