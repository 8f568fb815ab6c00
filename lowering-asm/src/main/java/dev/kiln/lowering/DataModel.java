package dev.kiln.lowering;

import org.objectweb.asm.Type;

/**
 * How values of one Kiln type live in JVM slots (Numba's data models). A scalar model is one
 * local (two slots for long and double) of one JVM type; a {@link StructModel} flattens a value
 * into several locals, scalar replacement by hand until Valhalla.
 */
public interface DataModel {
  /** JVM types of the value's parts, one per local; a scalar model has exactly one. */
  java.util.List<Type> parts();

  /** Local-variable slots the value takes. */
  default int slots() {
    int n = 0;
    for (Type t : parts()) {
      n += t.getSize();
    }
    return n;
  }

  /** The single JVM type of a scalar model. */
  default Type asmType() {
    if (parts().size() != 1) {
      throw new UnsupportedOperationException("a struct model has no single JVM type");
    }
    return parts().get(0);
  }
}
