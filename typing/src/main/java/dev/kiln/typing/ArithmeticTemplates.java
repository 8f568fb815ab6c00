package dev.kiln.typing;

import static dev.kiln.typing.Prim.BOOLEAN;
import static dev.kiln.typing.Prim.DOUBLE;
import static dev.kiln.typing.Prim.FLOAT;
import static dev.kiln.typing.Prim.INT;
import static dev.kiln.typing.Prim.LONG;

import dev.kiln.typing.templates.ConcreteTemplate;
import dev.kiln.typing.templates.Registry;

/** Typing of arithmetic, bitwise and shift operators (Numba's {@code arraydecl}/{@code builtins}). */
final class ArithmeticTemplates {
  private ArithmeticTemplates() {}

  static void register(Registry r) {
    ConcreteTemplate numeric = ConcreteTemplate.of(Signature.of(INT, INT, INT),
        Signature.of(LONG, LONG, LONG), Signature.of(FLOAT, FLOAT, FLOAT),
        Signature.of(DOUBLE, DOUBLE, DOUBLE));
    for (String op : new String[] {"+", "-", "*", "/", "%"}) {
      r.register(op, numeric);
    }
    ConcreteTemplate bitwise = ConcreteTemplate.of(Signature.of(BOOLEAN, BOOLEAN, BOOLEAN),
        Signature.of(INT, INT, INT), Signature.of(LONG, LONG, LONG));
    for (String op : new String[] {"&", "|", "^"}) {
      r.register(op, bitwise);
    }
    ConcreteTemplate shift = ConcreteTemplate.of(Signature.of(INT, INT, INT),
        Signature.of(LONG, LONG, INT));
    for (String op : new String[] {"<<", ">>", ">>>"}) {
      r.register(op, shift);
    }
    r.register("neg", ConcreteTemplate.of(Signature.of(INT, INT), Signature.of(LONG, LONG),
        Signature.of(FLOAT, FLOAT), Signature.of(DOUBLE, DOUBLE)));
  }
}
