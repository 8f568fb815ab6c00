package dev.kiln.lowering;

import static org.objectweb.asm.Opcodes.ACC_PRIVATE;
import static org.objectweb.asm.Opcodes.ACC_STATIC;
import static org.objectweb.asm.Opcodes.ACC_SYNTHETIC;
import static org.objectweb.asm.Opcodes.GETSTATIC;
import static org.objectweb.asm.Opcodes.ICONST_1;
import static org.objectweb.asm.Opcodes.IFNE;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.INVOKEVIRTUAL;
import static org.objectweb.asm.Opcodes.POP;
import static org.objectweb.asm.Opcodes.PUTSTATIC;
import static org.objectweb.asm.Opcodes.RETURN;

import java.util.LinkedHashMap;
import java.util.Map;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

/**
 * The user classes a unit initializes where the original would (JVMS 5.5): one static flag
 * each and one helper that runs {@code Class.forName(name, true, loader)} and sets it. A site
 * tests the flag and calls the helper while it is unset. A class the unit may name is taken as
 * a class constant; one it may not (package-private, in another package) by its name, in the
 * unit's own loader, which is its host's and so resolves the name as the original did:
 * {@code Class.forName} checks no access.
 *
 * <p>Why not a bootstrap: linking an {@code invokedynamic} or a dynamic constant costs a warm
 * start about 4 ms of method-handle machinery for the first unit that does it; a static flag
 * costs nothing to link and a load and a branch to test, which C2 hoists out of loops. It also
 * behaves as the original does when the initializer fails: {@code ExceptionInInitializerError}
 * at the first site, {@code NoClassDefFoundError} at later ones (a failed bootstrap would
 * rethrow the first error; on JDK 17 its replay even fails with "Can't overwrite cause").
 *
 * <p>As with any cached check, a flag set by the thread that is itself running the class's
 * initializer (the initializer calls compiled code that reaches the site) lets other threads
 * pass before that initializer ends; their own accesses to the class's members still wait, as
 * the JVM makes them.
 */
final class ClassInits {
  private final String unit;
  /** Internal name of each class → its flag and helper's name, in first-use order. */
  private final Map<String, String> names = new LinkedHashMap<>();
  /** The classes among {@link #names} the unit may not name. */
  private final java.util.Set<String> byName = new java.util.HashSet<>();

  ClassInits(String unit) {
    this.unit = unit;
  }

  /**
   * Emits the test of {@code internalName}'s flag and the call of its helper.
   *
   * @param nameable whether the unit may name the class (else its helper finds it by name)
   */
  void emitSite(MethodVisitor mv, String internalName, boolean nameable) {
    if (!nameable) {
      byName.add(internalName);
    }
    // '-' is legal in a JVM name but in no Java identifier: no linked callee (name$n) and no
    // user method can take it
    String name = names.computeIfAbsent(internalName, k -> "init-" + names.size());
    Label done = new Label();
    mv.visitFieldInsn(GETSTATIC, unit, name, "Z");
    mv.visitJumpInsn(IFNE, done);
    mv.visitMethodInsn(INVOKESTATIC, unit, name, "()V", false);
    mv.visitLabel(done);
  }

  /** Writes the flags and helpers the sites used. */
  void emitMembers(ClassWriter cw) {
    names.forEach((cls, name) -> {
      cw.visitField(ACC_PRIVATE | ACC_STATIC | ACC_SYNTHETIC, name, "Z", null, null).visitEnd();
      MethodVisitor mv = cw.visitMethod(ACC_PRIVATE | ACC_STATIC | ACC_SYNTHETIC, name, "()V",
          null, null);
      mv.visitCode();
      // the class itself where the unit may name it, else the unit, whose loader is the one
      // the original's reference resolves in
      Type type = Type.getObjectType(byName.contains(cls) ? unit : cls);
      if (byName.contains(cls)) {
        mv.visitLdcInsn(cls.replace('/', '.'));
      } else {
        mv.visitLdcInsn(type);
        mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/Class", "getName", "()Ljava/lang/String;",
            false);
      }
      mv.visitInsn(ICONST_1);
      mv.visitLdcInsn(type);
      mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/Class", "getClassLoader",
          "()Ljava/lang/ClassLoader;", false);
      mv.visitMethodInsn(INVOKESTATIC, "java/lang/Class", "forName",
          "(Ljava/lang/String;ZLjava/lang/ClassLoader;)Ljava/lang/Class;", false);
      mv.visitInsn(POP);
      mv.visitInsn(ICONST_1);
      mv.visitFieldInsn(PUTSTATIC, unit, name, "Z");
      mv.visitInsn(RETURN);
      mv.visitMaxs(0, 0);
      mv.visitEnd();
    });
  }
}
