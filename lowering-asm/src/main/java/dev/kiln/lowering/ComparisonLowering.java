package dev.kiln.lowering;

import static org.objectweb.asm.Opcodes.*;

import dev.kiln.typing.Prim;
import dev.kiln.typing.Signature;

/** Branch conditions: {@code if_icmp<cond>}, {@code if<cond>}, {@code if_acmp<cond>}, {@code ifnull}. */
final class ComparisonLowering {
  private ComparisonLowering() {}

  private static final String[] KEYS = {"==", "!=", "<", ">=", ">", "<="};

  static void register(LoweringRegistry r) {
    for (int i = 0; i < KEYS.length; i++) {
      int withZero = IFEQ + i;
      int withInt = IF_ICMPEQ + i;
      r.lowerBranch(KEYS[i], ComparisonLowering::ints, (e, sig, args, ifTrue) -> {
        e.loadAs(args.get(0), Prim.INT);
        if (args.size() == 1) {
          e.visitor().visitJumpInsn(withZero, ifTrue);
        } else {
          e.loadAs(args.get(1), Prim.INT);
          e.visitor().visitJumpInsn(withInt, ifTrue);
        }
      });
    }
    for (int i = 0; i < 2; i++) {
      boolean eq = i == 0;
      r.lowerBranch(KEYS[i], ComparisonLowering::refs, (e, sig, args, ifTrue) -> {
        e.load(args.get(0));
        if (args.size() == 1) {
          e.visitor().visitJumpInsn(eq ? IFNULL : IFNONNULL, ifTrue);
        } else {
          e.load(args.get(1));
          e.visitor().visitJumpInsn(eq ? IF_ACMPEQ : IF_ACMPNE, ifTrue);
        }
      });
    }
  }

  private static boolean ints(Signature s) {
    return s.args().get(0) instanceof Prim p && p.isIntLike();
  }

  private static boolean refs(Signature s) {
    return !(s.args().get(0) instanceof Prim);
  }
}
