package dev.kiln.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.objectweb.asm.Opcodes.*;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import java.util.function.IntBinaryOperator;
import java.util.function.LongSupplier;
import java.util.function.ObjIntConsumer;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;
import org.objectweb.asm.util.CheckClassAdapter;
import org.objectweb.asm.util.TraceClassVisitor;

/**
 * The typed-entry class file Kiln writes without ASM is the class ASM would write (the one
 * EntryFactory wrote before), for methods of every parameter and result kind, and it passes
 * ASM's checks.
 */
class EntryClassFileTest {
  /** Every kind at once: int, long, float, double, reference, array; a non-ASCII name. */
  public interface Mixed {
    double mélange(int a, long b, float c, double d, String e, int[][] f, boolean g, char h);
  }

  @Test
  void sameClassAsAsmWritesAndItVerifies() {
    for (Class<?> iface : List.of(IntBinaryOperator.class, DoubleUnaryOperator.class,
        Function.class, LongSupplier.class, ObjIntConsumer.class, Runnable.class, Mixed.class)) {
      Method sam = sam(iface);
      String name = "p/q/Owner$$KilnEntry$7";
      byte[] ours = EntryClassFile.write(name, iface, sam);
      assertEquals(text(reference(name, iface, sam)), text(ours), iface.getName());
      StringWriter problems = new StringWriter();
      CheckClassAdapter.verify(new ClassReader(ours), EntryClassFileTest.class.getClassLoader(),
          false, new PrintWriter(problems));
      assertEquals("", problems.toString(), iface.getName());
    }
  }

  private static Method sam(Class<?> iface) {
    for (Method m : iface.getMethods()) {
      if (Modifier.isAbstract(m.getModifiers())) {
        return m;
      }
    }
    throw new AssertionError(iface);
  }

  /** The class as ASM writes it (EntryFactory's code before EntryClassFile). */
  private static byte[] reference(String name, Class<?> iface, Method sam) {
    ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
    cw.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER | ACC_SYNTHETIC, name, null,
        "java/lang/Object", new String[] {Type.getInternalName(iface)});
    MethodVisitor init = cw.visitMethod(ACC_PUBLIC, "<init>", "()V", null, null);
    init.visitCode();
    init.visitVarInsn(ALOAD, 0);
    init.visitMethodInsn(INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
    init.visitInsn(RETURN);
    init.visitMaxs(0, 0);
    init.visitEnd();
    String desc = Type.getMethodDescriptor(sam);
    MethodVisitor mv = cw.visitMethod(ACC_PUBLIC | ACC_FINAL, sam.getName(), desc, null, null);
    mv.visitCode();
    int slot = 1;
    for (Type t : Type.getArgumentTypes(desc)) {
      mv.visitVarInsn(t.getOpcode(ILOAD), slot);
      slot += t.getSize();
    }
    Handle bsm = new Handle(H_INVOKESTATIC, "dev/kiln/dispatch/Bootstraps", "dispatcher",
        "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;"
            + "Ljava/lang/invoke/MethodType;)Ljava/lang/invoke/CallSite;", false);
    mv.visitInvokeDynamicInsn(sam.getName(), desc, bsm);
    mv.visitInsn(Type.getReturnType(desc).getOpcode(IRETURN));
    mv.visitMaxs(0, 0);
    mv.visitEnd();
    cw.visitEnd();
    return cw.toByteArray();
  }

  /** ASM's rendering, with maximums (which ASM computes) and everything else. */
  private static String text(byte[] classFile) {
    StringWriter out = new StringWriter();
    new ClassReader(classFile).accept(new TraceClassVisitor(new PrintWriter(out)), 0);
    return out.toString();
  }
}
