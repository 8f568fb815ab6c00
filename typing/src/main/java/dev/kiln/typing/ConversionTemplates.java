package dev.kiln.typing;

import static dev.kiln.typing.Prim.BYTE;
import static dev.kiln.typing.Prim.CHAR;
import static dev.kiln.typing.Prim.DOUBLE;
import static dev.kiln.typing.Prim.FLOAT;
import static dev.kiln.typing.Prim.INT;
import static dev.kiln.typing.Prim.LONG;
import static dev.kiln.typing.Prim.SHORT;

import dev.kiln.typing.templates.ConcreteTemplate;
import dev.kiln.typing.templates.Registry;

/**
 * Typing of primitive conversions, keyed {@code cast.<target>} ({@code i2l} is
 * {@code cast.long(int)}), and three-way comparisons ({@code lcmp} is {@code cmp},
 * {@code fcmpl}/{@code dcmpl} are {@code cmpl}, the {@code g} forms {@code cmpg}).
 */
final class ConversionTemplates {
  private ConversionTemplates() {}

  static void register(Registry r) {
    r.register("cast.long", ConcreteTemplate.of(Signature.of(LONG, INT), Signature.of(LONG, FLOAT),
        Signature.of(LONG, DOUBLE)));
    r.register("cast.int", ConcreteTemplate.of(Signature.of(INT, LONG), Signature.of(INT, FLOAT),
        Signature.of(INT, DOUBLE)));
    r.register("cast.float", ConcreteTemplate.of(Signature.of(FLOAT, INT),
        Signature.of(FLOAT, LONG), Signature.of(FLOAT, DOUBLE)));
    r.register("cast.double", ConcreteTemplate.of(Signature.of(DOUBLE, INT),
        Signature.of(DOUBLE, LONG), Signature.of(DOUBLE, FLOAT)));
    r.register("cast.byte", ConcreteTemplate.of(Signature.of(BYTE, INT)));
    r.register("cast.char", ConcreteTemplate.of(Signature.of(CHAR, INT)));
    r.register("cast.short", ConcreteTemplate.of(Signature.of(SHORT, INT)));
    r.register("cmp", ConcreteTemplate.of(Signature.of(INT, LONG, LONG)));
    ConcreteTemplate floating = ConcreteTemplate.of(Signature.of(INT, FLOAT, FLOAT),
        Signature.of(INT, DOUBLE, DOUBLE));
    r.register("cmpl", floating);
    r.register("cmpg", floating);
  }
}
