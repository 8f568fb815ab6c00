package dev.kiln.lowering;

import static org.objectweb.asm.Opcodes.*;

import dev.kiln.typing.ArrayType;
import dev.kiln.typing.KType;
import dev.kiln.typing.Prim;

/** Array element load and store ({@code xaload}, {@code xastore}) and {@code arraylength}. */
final class ArrayLowering {
  private ArrayLowering() {}

  static void register(LoweringRegistry r) {
    r.lowerBuiltin("getitem", sig -> sig.args().get(0) instanceof ArrayType, (e, sig, args) -> {
      ArrayType a = (ArrayType) sig.args().get(0);
      e.loadAs(args.get(0), a);
      e.loadAs(args.get(1), Prim.INT);
      e.visitor().visitInsn(elementOpcode(a.element(), IALOAD));
    });
    r.lowerBuiltin("setitem", sig -> sig.args().get(0) instanceof ArrayType, (e, sig, args) -> {
      ArrayType a = (ArrayType) sig.args().get(0);
      e.loadAs(args.get(0), a);
      e.loadAs(args.get(1), Prim.INT);
      KType elem = a.element();
      if (elem instanceof Prim p && p.isIntLike()) {
        e.load(args.get(2)); // xastore narrows an int itself, exactly as the original did
      } else if (elem instanceof Prim) {
        e.loadAs(args.get(2), elem);
      } else {
        e.load(args.get(2)); // aastore checks the element class at run time
      }
      e.visitor().visitInsn(elementOpcode(elem, IASTORE));
    });
    r.lowerBuiltin("len", sig -> sig.args().get(0) instanceof ArrayType, (e, sig, args) -> {
      e.loadAs(args.get(0), sig.args().get(0));
      e.visitor().visitInsn(ARRAYLENGTH);
    });
  }

  /** {@code base} is IALOAD or IASTORE; returns the element type's form of it. */
  static int elementOpcode(KType element, int base) {
    int delta;
    if (element instanceof Prim p) {
      delta = switch (p) {
        case INT -> 0;
        case LONG -> 1;
        case FLOAT -> 2;
        case DOUBLE -> 3;
        case BOOLEAN, BYTE -> 5;
        case CHAR -> 6;
        case SHORT -> 7;
        default -> throw new IllegalArgumentException("array of " + p);
      };
    } else {
      delta = 4;
    }
    return base + delta;
  }
}
