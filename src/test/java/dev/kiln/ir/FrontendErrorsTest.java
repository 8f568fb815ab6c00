package dev.kiln.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.objectweb.asm.Opcodes.*;

import dev.kiln.frontend.CompileError;
import dev.kiln.frontend.Frontend;
import dev.kiln.frontend.UnsupportedBytecodeError;
import java.util.function.Consumer;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
import org.junit.jupiter.api.Test;

/**
 * {@link UnsupportedBytecodeError}s name the user's code: class, method (with descriptor),
 * source file and line, and the construct refused. Each test assembles a class with ASM's
 * {@link ClassWriter} whose one method holds bytecode the frontend refuses (javac would not emit
 * most of it), and calls {@link Frontend#build} directly. The classes are parsed, never loaded.
 */
class FrontendErrorsTest {
  static final String OWNER = "dev/kiln/ir/gen/Legacy";
  static final String DISPLAY = "dev.kiln.ir.gen.Legacy";
  static final String FILE = "Legacy.java";

  /** A class {@code OWNER} from {@code FILE} with one static method {@code name desc}. */
  static byte[] assemble(int version, String name, String desc, int access, boolean source,
                         Consumer<MethodVisitor> body) {
    ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
    cw.visit(version, ACC_PUBLIC | ACC_SUPER, OWNER, null, "java/lang/Object", null);
    if (source) {
      cw.visitSource(FILE, null);
    }
    MethodVisitor mv = cw.visitMethod(access, name, desc, null, null);
    if (body != null) {
      mv.visitCode();
      body.accept(mv);
      mv.visitMaxs(0, 0);
    }
    mv.visitEnd();
    cw.visitEnd();
    return cw.toByteArray();
  }

  static byte[] assemble(String name, String desc, Consumer<MethodVisitor> body) {
    return assemble(V17, name, desc, ACC_PUBLIC | ACC_STATIC, true, body);
  }

  static void line(MethodVisitor mv, int line) {
    Label l = new Label();
    mv.visitLabel(l);
    mv.visitLineNumber(line, l);
  }

  /** Building {@code name desc} of {@code bytes} fails; returns the error's message. */
  static String refusal(byte[] bytes, String name, String desc) {
    ClassNode cn = Frontend.parse(bytes);
    MethodNode mn = Frontend.method(cn, name, desc);
    UnsupportedBytecodeError e = assertThrows(UnsupportedBytecodeError.class,
        () -> Frontend.build(cn, mn));
    assertInstanceOf(CompileError.class, e, "the dispatcher catches CompileError");
    return e.getMessage();
  }

  /** The message names class, method and descriptor, file and line, and {@code what}. */
  static void names(String message, String method, int line, String what) {
    assertTrue(message.contains(DISPLAY + "." + method), "no class.method: " + message);
    assertTrue(message.contains(FILE + ":" + line), "no " + FILE + ":" + line + ": " + message);
    assertTrue(message.contains(what), "does not say `" + what + "`: " + message);
  }

  /**
   * {@code static int f()} with a {@code jsr} at line 43, bytecode offset 2: a Java 5 class
   * file, as pre-Java-6 compilers made for finally blocks.
   */
  private static byte[] jsrClass() {
    return assemble(V1_5, "f", "()I", ACC_PUBLIC | ACC_STATIC, true, mv -> {
      Label sub = new Label();
      line(mv, 42);
      mv.visitInsn(ICONST_0);
      mv.visitVarInsn(ISTORE, 0);
      line(mv, 43);
      mv.visitJumpInsn(JSR, sub);
      mv.visitVarInsn(ILOAD, 0);
      mv.visitInsn(IRETURN);
      mv.visitLabel(sub);
      line(mv, 44);
      mv.visitVarInsn(ASTORE, 1);
      mv.visitIincInsn(0, 1);
      mv.visitVarInsn(RET, 1);
    });
  }

  @Test
  void jsr() {
    names(refusal(jsrClass(), "f", "()I"), "f()I", 43, "jsr");
  }

  @Test
  void ldcOfAMethodType() {
    byte[] bytes = assemble("g", "()Ljava/lang/Object;", mv -> {
      line(mv, 7);
      mv.visitInsn(NOP);
      line(mv, 8);
      mv.visitLdcInsn(Type.getMethodType("()V"));
      mv.visitInsn(ARETURN);
    });
    names(refusal(bytes, "g", "()Ljava/lang/Object;"), "g()Ljava/lang/Object;", 8, "ldc of");
  }

  @Test
  void controlFallingOffTheEnd() {
    byte[] bytes = assemble("h", "(I)V", mv -> {
      line(mv, 12);
      mv.visitVarInsn(ILOAD, 0);
      mv.visitInsn(POP);
    });
    names(refusal(bytes, "h", "(I)V"), "h(I)V", 12, "control falls off the end of the method");
  }

  @Test
  void constructorCallOnSomethingNotFresh() {
    byte[] bytes = assemble("init", "(Ljava/lang/Object;)V", mv -> {
      line(mv, 21);
      mv.visitVarInsn(ALOAD, 0);
      mv.visitMethodInsn(INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
      mv.visitInsn(RETURN);
    });
    names(refusal(bytes, "init", "(Ljava/lang/Object;)V"), "init(Ljava/lang/Object;)V", 21,
        "a constructor call on something other than a fresh `new`");
  }

  @Test
  void objectUsedBeforeItsConstructorRan() {
    byte[] bytes = assemble("early", "()I", mv -> {
      line(mv, 30);
      mv.visitTypeInsn(NEW, "java/lang/Object");
      mv.visitInsn(DUP);
      line(mv, 31);
      mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/Object", "hashCode", "()I", false);
      mv.visitInsn(POP);
      line(mv, 32);
      mv.visitMethodInsn(INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
      mv.visitInsn(ICONST_0);
      mv.visitInsn(IRETURN);
    });
    names(refusal(bytes, "early", "()I"), "early()I", 31,
        "an object used before its constructor ran");
  }

  @Test
  void handlerAlsoEnteredByAJump() {
    byte[] bytes = assemble("both", "([I)I", mv -> {
      Label start = new Label();
      Label end = new Label();
      Label handler = new Label();
      mv.visitTryCatchBlock(start, end, handler, null);
      line(mv, 50);
      mv.visitVarInsn(ALOAD, 0);
      mv.visitJumpInsn(IFNULL, handler);
      mv.visitLabel(start);
      line(mv, 51);
      mv.visitVarInsn(ALOAD, 0);
      mv.visitInsn(ICONST_0);
      mv.visitInsn(IALOAD);
      mv.visitInsn(IRETURN);
      mv.visitLabel(end);
      mv.visitLabel(handler);
      line(mv, 53);
      mv.visitInsn(ACONST_NULL);
      mv.visitInsn(POP);
      mv.visitInsn(ICONST_M1);
      mv.visitInsn(IRETURN);
    });
    names(refusal(bytes, "both", "([I)I"), "both([I)I", 53,
        "an exception handler also entered by a jump");
  }

  @Test
  void abstractAndNativeMethods() {
    byte[] bytes = assemble(V17, "n", "()I", ACC_PUBLIC | ACC_STATIC | ACC_NATIVE, true, null);
    String m = refusal(bytes, "n", "()I");
    assertTrue(m.contains(DISPLAY + ".n()I") && m.contains(FILE),
        "names class, method and file: " + m);
    assertTrue(m.contains("abstract or native"), m);
  }

  @Test
  void constructorsAlone() {
    ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
    cw.visit(V17, ACC_PUBLIC | ACC_SUPER, OWNER, null, "java/lang/Object", null);
    cw.visitSource(FILE, null);
    MethodVisitor mv = cw.visitMethod(ACC_PUBLIC, "<init>", "()V", null, null);
    mv.visitCode();
    line(mv, 3);
    mv.visitVarInsn(ALOAD, 0);
    mv.visitMethodInsn(INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
    mv.visitInsn(RETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
    cw.visitEnd();
    String m = refusal(cw.toByteArray(), "<init>", "()V");
    assertTrue(m.contains(DISPLAY + ".<init>()V") && m.contains(FILE), m);
    assertTrue(m.contains("constructors are compiled only as part of `new`"), m);
  }

  @Test
  void stackUnderflow() {
    byte[] bytes = assemble("under", "()V", mv -> {
      line(mv, 60);
      mv.visitInsn(POP);
      mv.visitInsn(RETURN);
    });
    names(refusal(bytes, "under", "()V"), "under()V", 60, "operand stack underflow");
  }

  /** Without a SourceFile attribute the message still names class, method and line. */
  @Test
  void classWithoutSourceFile() {
    byte[] bytes = assemble(V1_5, "f", "()V", ACC_PUBLIC | ACC_STATIC, false, mv -> {
      Label sub = new Label();
      line(mv, 9);
      mv.visitJumpInsn(JSR, sub);
      mv.visitInsn(RETURN);
      mv.visitLabel(sub);
      mv.visitVarInsn(ASTORE, 0);
      mv.visitVarInsn(RET, 0);
    });
    String m = refusal(bytes, "f", "()V");
    assertTrue(m.contains(DISPLAY + ".f()V"), m);
    assertTrue(m.contains(":9"), "names the line: " + m);
  }

  /**
   * The message says "bytecode offset N"; a user compares N with {@code javap -c}, whose
   * offsets are the JVM's bytecode offsets. Here the refused {@code jsr} is at offset 2
   * ({@code iconst_0}, {@code istore_0}, then {@code jsr}), not at its position in ASM's
   * instruction list, which also counts labels and line-number entries (6 here).
   */
  @Test
  void bytecodeIndexIsTheJvmOffset() {
    String m = refusal(jsrClass(), "f", "()I");
    assertTrue(m.contains("bytecode offset 2)"), "javap puts the jsr at offset 2: " + m);
  }

  @Test
  void wellFormedMethodsBuild() {
    byte[] bytes = assemble("ok", "(I)I", mv -> {
      line(mv, 70);
      mv.visitVarInsn(ILOAD, 0);
      mv.visitInsn(ICONST_1);
      mv.visitInsn(IADD);
      mv.visitInsn(IRETURN);
    });
    ClassNode cn = Frontend.parse(bytes);
    var ir = Frontend.build(cn, Frontend.method(cn, "ok", "(I)I"));
    assertEquals(FILE, ir.sourceFile());
    assertEquals(FILE + ":70", ir.where(ir.blocks().get(1).terminator().site()));
  }
}
