package dev.kiln.frontend;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/** Kiln's frontend: class bytes in, {@link IrMethod} out. */
public final class Frontend {
  private Frontend() {}

  /** Parses class bytes into a tree (frames skipped: the frontend recomputes what it needs). */
  public static ClassNode parse(byte[] classBytes) {
    ClassNode cn = new ClassNode();
    new ClassReader(classBytes).accept(cn, ClassReader.SKIP_FRAMES);
    return cn;
  }

  /** The method named {@code name} with descriptor {@code desc}, or {@code null}. */
  public static MethodNode method(ClassNode owner, String name, String desc) {
    for (MethodNode m : owner.methods) {
      if (m.name.equals(name) && m.desc.equals(desc)) {
        return m;
      }
    }
    return null;
  }

  /**
   * Builds the SSA IR of {@code method}.
   *
   * @throws UnsupportedBytecodeError naming class, method, line and instruction when the
   *     method uses bytecode Kiln does not compile
   */
  public static IrMethod build(ClassNode owner, MethodNode method) {
    return new IrBuilder(owner, method).build();
  }
}
