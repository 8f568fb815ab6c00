package dev.kiln.frontend;

import java.util.List;
import org.objectweb.asm.Type;

/**
 * One method in Kiln IR: a CFG of {@link Block}s in SSA form. {@code blocks().get(0)} is the
 * entry, which holds the {@link Insn.Param}s and has no predecessors; the rest follow the
 * original bytecode order.
 *
 * @param owner      internal name of the declaring class
 * @param name       method name
 * @param desc       method descriptor
 * @param isStatic   whether there is no receiver
 * @param sourceFile the class's {@code SourceFile}, or {@code null}
 * @param blocks     reachable blocks, entry first
 * @param params     parameter values, receiver first for instance methods
 * @param valueCount one past the largest value id
 */
public record IrMethod(String owner, String name, String desc, boolean isStatic,
                       String sourceFile, List<Block> blocks, List<Value> params,
                       int valueCount) {
  public Type returnType() {
    return Type.getReturnType(desc);
  }

  /** {@code pkg.Owner.name(desc)}, for messages. */
  public String displayName() {
    return owner.replace('/', '.') + "." + name + desc;
  }

  /** {@code File.java:line} for a site, or the method's name when there is no line. */
  public String where(Site site) {
    String file = sourceFile != null ? sourceFile : owner.substring(owner.lastIndexOf('/') + 1) + ".class";
    return site.line() >= 0 ? file + ":" + site.line() : file;
  }
}
