package dev.kiln.agent;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Rewrites the selected methods of one class, as bytes only. For each method {@code m}:
 * <ul>
 *   <li>its original body moves, unchanged, to a new private synthetic method
 *       {@code m$kiln$original} of the same descriptor and staticness;</li>
 *   <li>{@code m} keeps its name, access, signature, exceptions, annotations and parameters,
 *       and its body becomes: load every argument ({@code this} first), {@code invokedynamic m}
 *       with the method's type (receiver first), bootstrapped by
 *       {@link AgentLinker#link}, return.</li>
 * </ul>
 * Nothing else in the class changes: the writer shares the reader's constant pool, so the
 * other methods are copied as they are. No frames or maximums are recomputed (the new body has
 * no branches), so nothing is loaded to rewrite.
 */
final class Rewriter {
  static final String LINKER = "dev/kiln/agent/AgentLinker";
  static final String LINK_DESCRIPTOR = "(Ljava/lang/invoke/MethodHandles$Lookup;"
      + "Ljava/lang/String;Ljava/lang/invoke/MethodType;Ljava/lang/String;)"
      + "Ljava/lang/invoke/CallSite;";
  private static final Handle BOOTSTRAP = new Handle(Opcodes.H_INVOKESTATIC, LINKER, "link",
      LINK_DESCRIPTOR, false);
  /** {@code -Dkiln.agent.failOn=a.B,c.D}: fail the rewrite of those classes (for tests). */
  static final String FAIL_ON = "kiln.agent.failOn";

  private Rewriter() {}

  /**
   * The class {@code reader} holds with {@code targets} (non-empty, from {@link Selection#of})
   * rewritten.
   *
   * @throws Unrewritable if the class cannot be rewritten (any other exception means the same)
   */
  static byte[] rewrite(ClassReader reader, List<Selection.Target> targets) {
    Map<String, Selection.Target> byKey = new LinkedHashMap<>();
    for (Selection.Target t : targets) {
      byKey.put(t.key(), t);
    }
    ClassWriter writer = new ClassWriter(reader, 0);
    reader.accept(new RewritingClassVisitor(writer, byKey), 0);
    return writer.toByteArray();
  }

  /** Thrown when a class cannot be rewritten; the class then loads unchanged. */
  static final class Unrewritable extends RuntimeException {
    Unrewritable(String message) {
      super(message, null, false, false);
    }
  }

  static boolean forcedFailure(String binaryName) {
    String v = System.getProperty(FAIL_ON);
    if (v == null || v.isBlank()) {
      return false;
    }
    for (String s : v.split(",")) {
      if (s.strip().equals(binaryName)) {
        return true;
      }
    }
    return false;
  }

  private static final class RewritingClassVisitor extends ClassVisitor {
    private final Map<String, Selection.Target> targets;
    private final Set<String> done = new HashSet<>();
    private boolean failForTests;
    private String owner;

    RewritingClassVisitor(ClassVisitor cv, Map<String, Selection.Target> targets) {
      super(Opcodes.ASM9, cv);
      this.targets = targets;
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName,
                      String[] interfaces) {
      int major = version & 0xFFFF;
      if (major < Opcodes.V1_7) {
        throw new Unrewritable("its class file version " + major
            + " predates invokedynamic (version 51, Java 7); recompile it for Java 7 or later");
      }
      owner = name;
      failForTests = forcedFailure(name.replace('/', '.'));
      super.visit(version, access, name, signature, superName, interfaces);
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                     String[] exceptions) {
      Selection.Target t = targets.get(name + descriptor);
      if (t == null) {
        return super.visitMethod(access, name, descriptor, signature, exceptions);
      }
      if (failForTests) {
        throw new IllegalStateException("failure forced by -D" + FAIL_ON + "="
            + owner.replace('/', '.'));
      }
      boolean isStatic = (access & Opcodes.ACC_STATIC) != 0;
      if (isStatic != t.isStatic() || (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0
          || !done.add(t.key())) {
        throw new Unrewritable("method " + name + descriptor + " is not as the selection read it");
      }
      int stubAccess = access & ~Opcodes.ACC_SYNCHRONIZED; // the original and compiled code lock
      int copyAccess = Opcodes.ACC_PRIVATE | Opcodes.ACC_SYNTHETIC
          | access & (Opcodes.ACC_STATIC | Opcodes.ACC_SYNCHRONIZED | Opcodes.ACC_STRICT);
      // both made now, so the stub precedes the copy in the class; each is written apart
      MethodVisitor stub = super.visitMethod(stubAccess, name, descriptor, signature, exceptions);
      MethodVisitor copy = super.visitMethod(copyAccess, t.originalName(), descriptor, signature,
          exceptions);
      return new SplittingMethodVisitor(stub, copy, owner, name, descriptor, isStatic,
          t.originalName());
    }

    @Override
    public void visitEnd() {
      if (done.size() != targets.size()) {
        Set<String> missing = new HashSet<>(targets.keySet());
        missing.removeAll(done);
        throw new Unrewritable("methods " + missing + " were not found in its bytes");
      }
      super.visitEnd();
    }
  }

  /**
   * Sends what comes before the code (annotations, parameters, attributes) to the rewritten
   * method, which is then completed with its new body; sends the code itself to the copy
   * that keeps the original body.
   */
  private static final class SplittingMethodVisitor extends MethodVisitor {
    private final MethodVisitor stub;
    private final MethodVisitor copy;
    private final String owner;
    private final String name;
    private final String descriptor;
    private final boolean isStatic;
    private final String originalName;
    private boolean sawCode;

    SplittingMethodVisitor(MethodVisitor stub, MethodVisitor copy, String owner, String name,
                           String descriptor, boolean isStatic, String originalName) {
      super(Opcodes.ASM9, stub);
      this.stub = stub;
      this.copy = copy;
      this.owner = owner;
      this.name = name;
      this.descriptor = descriptor;
      this.isStatic = isStatic;
      this.originalName = originalName;
    }

    @Override
    public void visitCode() {
      sawCode = true;
      emitStub(stub);
      mv = copy;
      super.visitCode();
    }

    @Override
    public void visitEnd() {
      if (!sawCode) {
        throw new Unrewritable("method " + name + descriptor + " has no code");
      }
      super.visitEnd();
    }

    private void emitStub(MethodVisitor m) {
      m.visitCode();
      Type[] args = Type.getArgumentTypes(descriptor);
      Type ret = Type.getReturnType(descriptor);
      int slot = 0;
      StringBuilder indy = new StringBuilder("(");
      if (!isStatic) {
        m.visitVarInsn(Opcodes.ALOAD, 0);
        slot = 1;
        indy.append('L').append(owner).append(';');
      }
      for (Type a : args) {
        m.visitVarInsn(a.getOpcode(Opcodes.ILOAD), slot);
        slot += a.getSize();
        indy.append(a.getDescriptor());
      }
      indy.append(')').append(ret.getDescriptor());
      m.visitInvokeDynamicInsn(name, indy.toString(), BOOTSTRAP, originalName);
      m.visitInsn(ret.getOpcode(Opcodes.IRETURN));
      m.visitMaxs(Math.max(slot, ret.getSize()), slot);
      m.visitEnd();
    }
  }
}
