package dev.kiln.frontend;

/**
 * A field named in bytecode.
 *
 * @param owner internal name of the class named by the instruction
 * @param name  field name
 * @param desc  field descriptor
 */
public record FieldRef(String owner, String name, String desc) {
  @Override
  public String toString() {
    return owner.replace('/', '.') + "." + name + ":" + desc;
  }
}
