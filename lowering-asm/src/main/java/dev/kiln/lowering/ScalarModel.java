package dev.kiln.lowering;

import java.util.List;
import org.objectweb.asm.Type;

/** A value held in one local of one JVM type: primitives and references. */
public record ScalarModel(Type type) implements DataModel {
  @Override
  public List<Type> parts() {
    return List.of(type);
  }

  @Override
  public Type asmType() {
    return type;
  }
}
