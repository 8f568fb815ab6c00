package dev.kiln.typing;

import dev.kiln.typing.templates.AbstractTemplate;
import dev.kiln.typing.templates.Registry;
import java.util.List;

/** Typing of array element access and length ({@code getitem}, {@code setitem}, {@code len}). */
final class ArrayTemplates {
  private ArrayTemplates() {}

  static void register(Registry r) {
    r.register("getitem", new AbstractTemplate("element(array, int)", args -> {
      if (args.size() == 2 && args.get(0) instanceof ArrayType a
          && Types.convertible(args.get(1), Prim.INT)) {
        return new Signature(a.element(), List.of(a, Prim.INT));
      }
      return null;
    }));
    r.register("setitem", new AbstractTemplate("void(array, int, element)", args -> {
      if (args.size() == 3 && args.get(0) instanceof ArrayType a
          && Types.convertible(args.get(1), Prim.INT) && storable(args.get(2), a.element())) {
        return new Signature(Prim.VOID, List.of(a, Prim.INT, a.element()));
      }
      return null;
    }));
    r.register("len", new AbstractTemplate("int(array)", args -> {
      if (args.size() == 1 && args.get(0) instanceof ArrayType a) {
        return new Signature(Prim.INT, List.of(a));
      }
      return null;
    }));
  }

  /**
   * Whether the JVM stores {@code value} into an array of {@code element}: ints into any
   * int-like array (bastore truncates), any reference into a reference array (the store
   * checks the element class at run time and may throw ArrayStoreException).
   */
  private static boolean storable(KType value, KType element) {
    if (element instanceof Prim pe) {
      return value instanceof Prim pv && (pv.convertsTo(pe)
          || pe.isIntLike() && pv.isIntLike());
    }
    return !(value instanceof Prim);
  }
}
