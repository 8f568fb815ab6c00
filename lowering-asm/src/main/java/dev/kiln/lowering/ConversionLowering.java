package dev.kiln.lowering;

import static org.objectweb.asm.Opcodes.*;

import dev.kiln.typing.ArrayType;
import dev.kiln.typing.KType;
import dev.kiln.typing.NullType;
import dev.kiln.typing.Prim;
import dev.kiln.typing.Signature;

/**
 * Primitive conversions ({@code cast.<target>}), three-way comparisons, and the implicit
 * conversions typing may ask for between an operand and a signature (widening primitives,
 * references to their supertypes).
 */
final class ConversionLowering {
  private ConversionLowering() {}

  static void register(LoweringRegistry r) {
    for (Prim target : new Prim[] {Prim.INT, Prim.LONG, Prim.FLOAT, Prim.DOUBLE, Prim.BYTE,
        Prim.CHAR, Prim.SHORT}) {
      r.lowerBuiltin("cast." + target.javaName(), sig -> sig.args().get(0) instanceof Prim,
          (e, sig, args) -> {
            Prim from = (Prim) sig.args().get(0);
            e.loadAs(args.get(0), from);
            int op = opcode(from, target);
            if (op >= 0) {
              e.visitor().visitInsn(op);
            }
          });
    }
    r.lowerBuiltin("cmp", sig -> sig.args().get(0) == Prim.LONG, (e, sig, args) -> {
      e.loadAs(args.get(0), Prim.LONG);
      e.loadAs(args.get(1), Prim.LONG);
      e.visitor().visitInsn(LCMP);
    });
    for (String key : new String[] {"cmpl", "cmpg"}) {
      boolean g = key.equals("cmpg");
      r.lowerBuiltin(key, sig -> sig.args().get(0) == Prim.FLOAT, (e, sig, args) -> {
        e.loadAs(args.get(0), Prim.FLOAT);
        e.loadAs(args.get(1), Prim.FLOAT);
        e.visitor().visitInsn(g ? FCMPG : FCMPL);
      });
      r.lowerBuiltin(key, sig -> sig.args().get(0) == Prim.DOUBLE, (e, sig, args) -> {
        e.loadAs(args.get(0), Prim.DOUBLE);
        e.loadAs(args.get(1), Prim.DOUBLE);
        e.visitor().visitInsn(g ? DCMPG : DCMPL);
      });
    }
    // implicit conversions between an operand's type and the signature's
    r.lowerCast((from, to) -> from instanceof Prim && to instanceof Prim, (e, from, to) -> {
      int op = opcode((Prim) from, (Prim) to);
      if (op >= 0 && !(((Prim) from).isIntLike() && ((Prim) to).isIntLike())) {
        e.visitor().visitInsn(op);
      }
    });
    r.lowerCast((from, to) -> !(from instanceof Prim) && !(to instanceof Prim), (e, from, to) -> {
      if (from == NullType.NULL || dev.kiln.typing.InstanceType.nameable(to.toClass())
          .isAssignableFrom(from.toClass())) {
        return;
      }
      e.visitor().visitTypeInsn(CHECKCAST, internalName(to));
    });
  }

  static String internalName(KType t) {
    return t instanceof ArrayType ? t.asmType().getDescriptor() : t.asmType().getInternalName();
  }

  /** The conversion instruction from one primitive to another, or -1 when none is needed. */
  static int opcode(Prim from, Prim to) {
    if (from == to) {
      return -1;
    }
    if (from.isIntLike()) {
      return switch (to) {
        case LONG -> I2L;
        case FLOAT -> I2F;
        case DOUBLE -> I2D;
        case BYTE -> I2B;
        case CHAR -> I2C;
        case SHORT -> I2S;
        default -> -1;
      };
    }
    return switch (from) {
      case LONG -> switch (to) {
        case FLOAT -> L2F;
        case DOUBLE -> L2D;
        default -> L2I;
      };
      case FLOAT -> switch (to) {
        case LONG -> F2L;
        case DOUBLE -> F2D;
        default -> F2I;
      };
      case DOUBLE -> switch (to) {
        case LONG -> D2L;
        case FLOAT -> D2F;
        default -> D2I;
      };
      default -> throw new IllegalArgumentException(from + " -> " + to);
    };
  }

}
