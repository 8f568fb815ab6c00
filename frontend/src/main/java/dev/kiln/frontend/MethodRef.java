package dev.kiln.frontend;

import org.objectweb.asm.Type;

/**
 * A method named in bytecode.
 *
 * @param owner       internal name of the class named by the instruction
 * @param name        method name
 * @param desc        method descriptor
 * @param isInterface whether {@code owner} is an interface
 */
public record MethodRef(String owner, String name, String desc, boolean isInterface) {
  public Type type() {
    return Type.getMethodType(desc);
  }

  @Override
  public String toString() {
    return owner.replace('/', '.') + "." + name + desc;
  }
}
