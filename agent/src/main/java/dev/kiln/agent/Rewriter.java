package dev.kiln.agent;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.field.FieldList;
import net.bytebuddy.description.method.MethodList;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;
import net.bytebuddy.pool.TypePool;
import net.bytebuddy.utility.OpenedClassReader;

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
 * Nothing else in the class changes. No frames or maximums are recomputed (the new body has no
 * branches), so nothing is loaded to rewrite.
 */
final class Rewriter implements AsmVisitorWrapper {
  static final String LINKER = "dev/kiln/agent/AgentLinker";
  static final String LINK_DESCRIPTOR = "(Ljava/lang/invoke/MethodHandles$Lookup;"
      + "Ljava/lang/String;Ljava/lang/invoke/MethodType;Ljava/lang/String;)"
      + "Ljava/lang/invoke/CallSite;";
  private static final Handle BOOTSTRAP = new Handle(Opcodes.H_INVOKESTATIC, LINKER, "link",
      LINK_DESCRIPTOR, false);
  /** {@code -Dkiln.agent.failOn=a.B,c.D}: fail the rewrite of those classes (for tests). */
  static final String FAIL_ON = "kiln.agent.failOn";

  private final Map<String, Selection.Target> targets = new LinkedHashMap<>();

  Rewriter(List<Selection.Target> targets) {
    for (Selection.Target t : targets) {
      this.targets.put(t.key(), t);
    }
  }

  @Override
  public int mergeWriter(int flags) {
    return flags;
  }

  @Override
  public int mergeReader(int flags) {
    return flags;
  }

  @Override
  public ClassVisitor wrap(TypeDescription instrumentedType, ClassVisitor classVisitor,
                           Implementation.Context implementationContext, TypePool typePool,
                           FieldList<FieldDescription.InDefinedShape> fields, MethodList<?> methods,
                           int writerFlags, int readerFlags) {
    return new RewritingClassVisitor(classVisitor, instrumentedType.getName(), targets);
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
    private final String binaryName;
    private final Map<String, Selection.Target> targets;
    private final Set<String> done = new HashSet<>();
    private final boolean failForTests;
    private String owner;

    RewritingClassVisitor(ClassVisitor cv, String binaryName,
                          Map<String, Selection.Target> targets) {
      super(OpenedClassReader.ASM_API, cv);
      this.binaryName = binaryName;
      this.targets = targets;
      this.failForTests = forcedFailure(binaryName);
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
        throw new IllegalStateException("failure forced by -D" + FAIL_ON + "=" + binaryName);
      }
      boolean isStatic = (access & Opcodes.ACC_STATIC) != 0;
      if (isStatic != t.isStatic() || (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0
          || !done.add(t.key())) {
        throw new Unrewritable("method " + name + descriptor + " is not as its description said");
      }
      int stubAccess = access & ~Opcodes.ACC_SYNCHRONIZED; // the original and compiled code lock
      int copyAccess = Opcodes.ACC_PRIVATE | Opcodes.ACC_SYNTHETIC
          | access & (Opcodes.ACC_STATIC | Opcodes.ACC_SYNCHRONIZED | Opcodes.ACC_STRICT);
      MethodVisitor stub = super.visitMethod(stubAccess, name, descriptor, signature, exceptions);
      ClassVisitor next = cv;
      return new SplittingMethodVisitor(stub, owner, name, descriptor, isStatic, () ->
          next == null ? null : next.visitMethod(copyAccess, t.originalName(), descriptor,
              signature, exceptions), t.originalName());
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
   * that keeps the original body. The two methods are written one after the other.
   */
  private static final class SplittingMethodVisitor extends MethodVisitor {
    private final MethodVisitor stub;
    private final String owner;
    private final String name;
    private final String descriptor;
    private final boolean isStatic;
    private final java.util.function.Supplier<MethodVisitor> copy;
    private final String originalName;
    private boolean sawCode;

    SplittingMethodVisitor(MethodVisitor stub, String owner, String name, String descriptor,
                           boolean isStatic, java.util.function.Supplier<MethodVisitor> copy,
                           String originalName) {
      super(OpenedClassReader.ASM_API, stub);
      this.stub = stub;
      this.owner = owner;
      this.name = name;
      this.descriptor = descriptor;
      this.isStatic = isStatic;
      this.copy = copy;
      this.originalName = originalName;
    }

    @Override
    public void visitCode() {
      sawCode = true;
      if (stub != null) {
        emitStub(stub);
      }
      mv = copy.get();
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
