package dev.kiln.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.objectweb.asm.Opcodes.*;

import dev.kiln.Dispatcher;
import dev.kiln.JitOptions;
import dev.kiln.Kiln;
import dev.kiln.frontend.CompileError;
import java.lang.invoke.MethodHandles;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * A method whose compiled form would pass the class-file limit of 64 KB: refused with an error
 * naming it under nopython, run as the original (and counted) otherwise.
 */
class SizeLimitTest {
  /** {@code static int big(int x, int y)}: x = x / y, 9000 times, one line each. */
  private static Class<?> bigClass(String name) throws IllegalAccessException {
    ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
    String internal = "dev/kiln/api/" + name;
    cw.visit(V17, ACC_PUBLIC | ACC_SUPER, internal, null, "java/lang/Object", null);
    cw.visitSource(name + ".java", null);
    MethodVisitor mv = cw.visitMethod(ACC_PUBLIC | ACC_STATIC, "big", "(II)I", null, null);
    mv.visitCode();
    for (int i = 0; i < 9000; i++) {
      Label l = new Label();
      mv.visitLabel(l);
      mv.visitLineNumber(10 + i, l);
      mv.visitVarInsn(ILOAD, 0);
      mv.visitVarInsn(ILOAD, 1);
      mv.visitInsn(IDIV);
      mv.visitVarInsn(ISTORE, 0);
    }
    mv.visitVarInsn(ILOAD, 0);
    mv.visitInsn(IRETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
    cw.visitEnd();
    byte[] bytes = cw.toByteArray();
    // a loader that also serves the bytes as a resource, where Kiln reads bytecode from
    ClassLoader loader = new ClassLoader(SizeLimitTest.class.getClassLoader()) {
      @Override
      protected Class<?> findClass(String n) throws ClassNotFoundException {
        if (n.equals(internal.replace('/', '.'))) {
          return defineClass(n, bytes, 0, bytes.length);
        }
        throw new ClassNotFoundException(n);
      }

      @Override
      public java.io.InputStream getResourceAsStream(String r) {
        return r.equals(internal + ".class") ? new java.io.ByteArrayInputStream(bytes)
            : super.getResourceAsStream(r);
      }
    };
    try {
      return loader.loadClass(internal.replace('/', '.'));
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void nopythonRefusesWithTheMethodsName() throws Exception {
    Class<?> c = bigClass("BigA");
    MethodHandles.Lookup l = MethodHandles.privateLookupIn(c, MethodHandles.lookup());
    Dispatcher d = Kiln.jit(l, c, "big");
    CompileError e = assertThrows(CompileError.class, () -> d.invoke(7, 1));
    assertTrue(e.getMessage().contains("big") && e.getMessage().contains("65535"),
        e.getMessage());
  }

  /**
   * A typed entry's call site links at its first call, straight to the one specialization
   * where no guard is needed: a refused method then raises its own error at every call, as
   * {@code invoke} does, not the linkage error a failed bootstrap would be.
   */
  @Test
  void aTypedEntryOfARefusedMethodRaisesTheRefusalAtEveryCall() throws Exception {
    Class<?> c = bigClass("BigC");
    MethodHandles.Lookup l = MethodHandles.privateLookupIn(c, MethodHandles.lookup());
    Dispatcher d = Kiln.jit(l, c, "big");
    java.util.function.IntBinaryOperator f = d.as(java.util.function.IntBinaryOperator.class);
    CompileError first = assertThrows(CompileError.class, () -> f.applyAsInt(7, 1));
    CompileError again = assertThrows(CompileError.class, () -> f.applyAsInt(7, 1));
    CompileError viaInvoke = assertThrows(CompileError.class, () -> d.invoke(7, 1));
    assertEquals(viaInvoke.getMessage(), first.getMessage());
    assertEquals(viaInvoke.getMessage(), again.getMessage());
  }

  @Test
  void objectModeFallbackRunsTheOriginal() throws Throwable {
    Class<?> c = bigClass("BigB");
    MethodHandles.Lookup l = MethodHandles.privateLookupIn(c, MethodHandles.lookup());
    Dispatcher d = Kiln.jit(l, c, "big", JitOptions.DEFAULTS.withNopython(false));
    assertEquals(7, d.invoke(7, 1));
    assertEquals(0, d.invoke(7, 2));
    assertThrows(ArithmeticException.class, () -> d.invoke(7, 0));
    assertEquals(1, d.stats().fallbacks());
    assertEquals(0, d.stats().compilations());
  }
}
