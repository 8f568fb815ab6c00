package dev.kiln.typing;

import static dev.kiln.typing.Prim.BOOLEAN;
import static dev.kiln.typing.Prim.INT;

import dev.kiln.typing.templates.AbstractTemplate;
import dev.kiln.typing.templates.ConcreteTemplate;
import dev.kiln.typing.templates.Registry;
import java.util.List;

/**
 * Typing of branch conditions ({@code == != < >= > <=}) on int-like values, and of identity
 * comparison ({@code == !=}) on references.
 */
final class ComparisonTemplates {
  private ComparisonTemplates() {}

  static void register(Registry r) {
    ConcreteTemplate ints = ConcreteTemplate.of(Signature.of(BOOLEAN, INT, INT));
    for (String op : new String[] {"==", "!=", "<", ">=", ">", "<="}) {
      r.register(op, ints);
    }
    AbstractTemplate refs = new AbstractTemplate("boolean(reference, reference)", args -> {
      if (args.size() == 2 && !(args.get(0) instanceof Prim) && !(args.get(1) instanceof Prim)) {
        return new Signature(BOOLEAN, List.of(args.get(0), args.get(1)));
      }
      return null;
    });
    r.register("==", refs);
    r.register("!=", refs);
    r.register("switch", ConcreteTemplate.of(Signature.of(Prim.VOID, INT)));
  }
}
