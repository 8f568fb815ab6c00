package dev.kiln.typing;

import dev.kiln.frontend.Insn;
import dev.kiln.frontend.IrMethod;
import dev.kiln.frontend.IrPrinter;
import dev.kiln.frontend.Terminator;
import dev.kiln.frontend.Value;
import java.util.Map;

/**
 * A method's IR with a Kiln type for every value and a {@link Resolution} for every operation
 * that went through the templates (keyed by statement or terminator identity).
 */
public record TypedMethod(IrMethod ir, Signature signature, Map<Value, KType> types,
                          Map<Object, Resolution> resolutions) {
  public KType typeOf(Value v) {
    KType t = types.get(v);
    if (t == null) {
      throw new IllegalStateException("untyped value " + v + " in " + ir.displayName());
    }
    return t;
  }

  public Resolution resolution(Insn insn) {
    return resolutions.get(insn);
  }

  public Resolution resolution(Terminator t) {
    return resolutions.get(t);
  }

  /** The IR printed with Kiln types (what {@code inspectTypes} shows). */
  public String print() {
    return "signature " + signature + "\n" + IrPrinter.print(ir, v -> {
      KType t = types.get(v);
      return t == null ? "?" : t.toString();
    });
  }
}
