package dev.kiln.frontend;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/** Kiln's frontend: class bytes in, {@link IrMethod} out. */
public final class Frontend {
  private Frontend() {}

  /** The bytes each parsed tree came from, so errors can name real bytecode offsets. */
  private static final java.util.Map<ClassNode, byte[]> SOURCES =
      java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

  /** Parses class bytes into a tree (frames skipped: the frontend recomputes what it needs). */
  public static ClassNode parse(byte[] classBytes) {
    ClassNode cn = new ClassNode();
    new ClassReader(classBytes).accept(cn, ClassReader.SKIP_FRAMES);
    SOURCES.put(cn, classBytes);
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
    byte[] bytes = SOURCES.get(owner);
    int[] offsets = bytes == null ? null : BytecodeOffsets.of(bytes, method.name, method.desc);
    return new IrBuilder(owner, method, offsets).build();
  }
}
