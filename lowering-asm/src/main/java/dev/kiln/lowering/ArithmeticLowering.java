package dev.kiln.lowering;

import static org.objectweb.asm.Opcodes.*;

import dev.kiln.typing.KType;
import dev.kiln.typing.Prim;
import dev.kiln.typing.Signature;

/** Arithmetic, bitwise and shift operators on primitives: one JVM instruction each. */
final class ArithmeticLowering {
  private ArithmeticLowering() {}

  static void register(LoweringRegistry r) {
    binary(r, "+", IADD);
    binary(r, "-", ISUB);
    binary(r, "*", IMUL);
    binary(r, "/", IDIV);
    binary(r, "%", IREM);
    binary(r, "&", IAND);
    binary(r, "|", IOR);
    binary(r, "^", IXOR);
    binary(r, "<<", ISHL);
    binary(r, ">>", ISHR);
    binary(r, ">>>", IUSHR);
    r.lowerBuiltin("neg", ArithmeticLowering::primitive, (e, sig, args) -> {
      e.loadAs(args.get(0), sig.args().get(0));
      e.visitor().visitInsn(sig.returnType().asmType().getOpcode(INEG));
    });
  }

  private static void binary(LoweringRegistry r, String key, int intOpcode) {
    r.lowerBuiltin(key, ArithmeticLowering::primitive, (e, sig, args) -> {
      e.loadAs(args.get(0), sig.args().get(0));
      e.loadAs(args.get(1), sig.args().get(1));
      // the opcode follows the left operand's type (shifts take an int count for long too)
      KType left = sig.args().get(0);
      KType jvm = ((Prim) left).isIntLike() ? Prim.INT : left;
      e.visitor().visitInsn(jvm.asmType().getOpcode(intOpcode));
    });
  }

  private static boolean primitive(Signature sig) {
    for (KType t : sig.args()) {
      if (!(t instanceof Prim) || t == Prim.VOID) {
        return false;
      }
    }
    return sig.returnType() instanceof Prim;
  }
}
