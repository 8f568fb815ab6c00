package dev.kiln.lowering;

import dev.kiln.frontend.CompileError;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.util.CheckClassAdapter;
import org.objectweb.asm.util.Textifier;
import org.objectweb.asm.util.TraceClassVisitor;

/** Kiln's code generator: a {@link CompileUnit} in, class bytes out. */
public final class Lowerer {
  private Lowerer() {}

  /**
   * The generated class and each method's code size in bytes.
   *
   * @param bytes     the class file
   * @param codeSizes bytes of code per unit method name, in unit order
   * @param portable  whether the class means the same in another JVM: {@code false} when it
   *                  refers to classes by this JVM's {@link ClassTokens}
   */
  public record Lowered(byte[] bytes, Map<String, Integer> codeSizes, boolean portable) {}

  /**
   * Generates the unit's class: public final, its {@code SourceFile} the user's, with one
   * instance if it has a {@linkplain CompileUnit#genericEntry generic entry},
   * line numbers the user's, frames computed with the host's loader. Deterministic: the same
   * unit gives the same bytes.
   *
   * @throws LoweringError when a method has no lowering or exceeds the class-file limits
   */
  public static Lowered lower(CompileUnit unit) {
    ClassWriter cw = new FrameClassWriter(unit.host().getClassLoader());
    AccessPolicy access = new AccessPolicy(unit.host());
    CompileUnit.UnitMethod entry = null;
    for (CompileUnit.UnitMethod m : unit.methods()) {
      entry = m.entry() && entry == null ? m : entry;
    }
    String entryDescriptor = entry == null ? null : dev.kiln.typing.UnitCall.descriptor(
        entry.method().signature().args(), entry.method().ir().returnType());
    boolean generic = unit.genericEntry() != null && entryDescriptor != null
        && GenericEntry.canCast(entryDescriptor, access)
        && !(entry.name().equals("invoke") && entryDescriptor.equals(GenericEntry.DESCRIPTOR));
    String superName = generic ? unit.genericEntry() : "java/lang/Object";
    cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER
        | Opcodes.ACC_SYNTHETIC, unit.internalName(), null, superName, null);
    if (unit.sourceFile() != null) {
      cw.visitSource(unit.sourceFile(), null);
    }
    ClassInits classInits = new ClassInits(unit.internalName());
    Map<String, Label> ends = new LinkedHashMap<>();
    boolean portable = true;
    for (CompileUnit.UnitMethod m : unit.methods()) {
      MethodGenerator g = new MethodGenerator(unit, m, cw, access, classInits);
      ends.put(m.name(), g.generate());
      portable &= g.portable();
      if (m == entry && generic) {
        GenericEntry.emit(cw, unit.internalName(), superName, m.name(), entryDescriptor);
      }
    }
    classInits.emitMembers(cw);
    cw.visitEnd();
    byte[] bytes;
    try {
      bytes = cw.toByteArray();
    } catch (MethodTooLargeException e) {
      throw new LoweringError("the compiled form of " + e.getMethodName() + " is "
          + e.getCodeSize() + " bytes, over the class-file limit of " + Limits.MAX_METHOD_BYTES
          + "; split the method", e);
    }
    Map<String, Integer> sizes = new LinkedHashMap<>();
    ends.forEach((name, l) -> sizes.put(name, l.getOffset()));
    return new Lowered(bytes, sizes, portable);
  }

  /**
   * Checks a generated class with ASM's {@link CheckClassAdapter} (structure, and data flow
   * with types resolved through {@code loader}).
   *
   * @throws CompileError with the verifier's report when the class is invalid
   */
  public static void verify(byte[] bytes, ClassLoader loader) {
    StringWriter sw = new StringWriter();
    PrintWriter pw = new PrintWriter(sw);
    try {
      CheckClassAdapter.verify(new ClassReader(bytes), loader, false, pw);
    } catch (RuntimeException e) {
      e.printStackTrace(pw);
    }
    pw.flush();
    if (sw.getBuffer().length() > 0) {
      throw new CompileError("generated class fails verification:\n" + sw + "\n" + text(bytes));
    }
  }

  /** The class as ASM's {@link Textifier} prints it. */
  public static String text(byte[] bytes) {
    StringWriter sw = new StringWriter();
    new ClassReader(bytes).accept(new TraceClassVisitor(null, new Textifier(),
        new PrintWriter(sw)), 0);
    return sw.toString();
  }
}
