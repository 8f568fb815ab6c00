package dev.kiln.typing;

import dev.kiln.typing.templates.Registry;

/** Kiln's built-in typing declarations, made through the same registry users extend. */
final class Builtins {
  private Builtins() {}

  static Registry registry() {
    Registry r = new Registry();
    ArithmeticTemplates.register(r);
    ConversionTemplates.register(r);
    ComparisonTemplates.register(r);
    ArrayTemplates.register(r);
    return r;
  }
}
