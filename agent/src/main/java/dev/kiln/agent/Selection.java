package dev.kiln.agent;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Which methods of a class the agent rewrites: those annotated {@code @Jit}, and those an
 * agent pattern names. Read from the class's bytes alone, so choosing never loads a class:
 * the annotation is recognized by its descriptor ({@code Ldev/kiln/Jit;}).
 */
final class Selection {
  static final String JIT_DESCRIPTOR = "Ldev/kiln/Jit;";
  /** Suffix of the private synthetic method that keeps a rewritten method's original body. */
  static final String ORIGINAL_SUFFIX = "$kiln$original";
  /** Methods that have no body of their own to compile. */
  private static final int NOT_SELECTABLE = Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE
      | Opcodes.ACC_SYNTHETIC | Opcodes.ACC_BRIDGE;

  /** One method to rewrite. */
  record Target(String name, String descriptor, boolean isStatic, boolean annotated) {
    String key() {
      return name + descriptor;
    }

    String originalName() {
      return name + ORIGINAL_SUFFIX;
    }
  }

  private Selection() {}

  /**
   * The methods of the class {@code reader} holds to rewrite, in declaration order; empty if
   * none (or if it was rewritten already). Reads only the methods' headers and annotations.
   */
  static List<Target> of(ClassReader reader, AgentArgs args) {
    String binaryName = reader.getClassName().replace('/', '.');
    Methods methods = new Methods();
    reader.accept(methods, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG
        | ClassReader.SKIP_FRAMES);
    if (methods.rewrittenBefore) {
      return List.of(); // a class defined twice from rewritten bytes
    }
    boolean byPattern = args.selectsClass(binaryName);
    List<Target> targets = new ArrayList<>();
    for (Method m : methods.found) {
      if (m.annotated || byPattern && args.selects(binaryName, m.name)) {
        targets.add(new Target(m.name, m.descriptor, m.isStatic, m.annotated));
      }
    }
    return targets;
  }

  /** A method that could be selected; {@code annotated} is set while its annotations are read. */
  private static final class Method {
    final String name;
    final String descriptor;
    final boolean isStatic;
    boolean annotated;

    Method(String name, String descriptor, boolean isStatic) {
      this.name = name;
      this.descriptor = descriptor;
      this.isStatic = isStatic;
    }
  }

  private static final class Methods extends ClassVisitor {
    final List<Method> found = new ArrayList<>();
    boolean rewrittenBefore;

    Methods() {
      super(Opcodes.ASM9);
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                     String[] exceptions) {
      if (name.endsWith(ORIGINAL_SUFFIX)) {
        rewrittenBefore = true;
      }
      if (name.charAt(0) == '<' || (access & NOT_SELECTABLE) != 0) {
        return null; // <init> and <clinit>, and methods without a body of their own
      }
      Method m = new Method(name, descriptor, (access & Opcodes.ACC_STATIC) != 0);
      found.add(m);
      return new MethodVisitor(Opcodes.ASM9) {
        @Override
        public AnnotationVisitor visitAnnotation(String desc, boolean visible) {
          // @Jit is retained at run time, so it is among the visible annotations; the
          // dispatcher later reads its options by reflection, which sees only those
          if (visible && desc.equals(JIT_DESCRIPTOR)) {
            m.annotated = true;
          }
          return null;
        }
      };
    }
  }
}
