package dev.kiln.frontend;

import java.util.ArrayList;
import java.util.List;

/**
 * The bytecode offset (what {@code javap -c} prints) of each instruction of a method, read
 * from the class file itself: ASM's tree numbers instructions by list position, which also
 * counts labels and line entries, so error messages need this to name the offset users see.
 * Instruction {@code k} in the result is the {@code k}-th real instruction, as ASM reads them.
 */
final class BytecodeOffsets {
  private BytecodeOffsets() {}

  /** Offsets of the instructions of {@code name desc}, or {@code null} if not found. */
  static int[] of(byte[] classBytes, String name, String desc) {
    try {
      ClassFileReader in = new ClassFileReader(classBytes);
      int attributes = in.method(name, desc);
      if (attributes < 0 || in.attribute(attributes, "Code") < 0) {
        return null;
      }
      in.skip(4); // max_stack, max_locals
      int codeLength = in.u4();
      return decode(classBytes, in.position(), codeLength);
    } catch (RuntimeException e) {
      return null; // a malformed class: messages fall back to instruction numbers
    }
  }

  private static int s4(byte[] b, int i) {
    return (b[i] << 24) | ((b[i + 1] & 0xFF) << 16) | ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF);
  }

  private static int[] decode(byte[] b, int start, int length) {
    List<Integer> offsets = new ArrayList<>();
    int pc = 0;
    while (pc < length) {
      offsets.add(pc);
      int op = b[start + pc] & 0xFF;
      pc += size(b, start, pc, op);
    }
    int[] r = new int[offsets.size()];
    for (int i = 0; i < r.length; i++) {
      r[i] = offsets.get(i);
    }
    return r;
  }

  /** The length of the instruction at {@code pc} (JVMS chapter 6). */
  private static int size(byte[] b, int start, int pc, int op) {
    switch (op) {
      case 0x10, 0x12, 0x15, 0x16, 0x17, 0x18, 0x19, 0x36, 0x37, 0x38, 0x39, 0x3a, 0xa9,
          0xbc -> {
        return 2; // bipush, ldc, loads/stores with index, ret, newarray
      }
      case 0x11, 0x13, 0x14, 0x84, 0xb2, 0xb3, 0xb4, 0xb5, 0xb6, 0xb7, 0xb8, 0xbb, 0xbd, 0xc0,
          0xc1, 0xc6, 0xc7 -> {
        return 3; // sipush, ldc_w, ldc2_w, iinc, field/method refs, new, anewarray, casts, ifnull
      }
      case 0xb9, 0xba, 0xc8, 0xc9 -> {
        return 5; // invokeinterface, invokedynamic, goto_w, jsr_w
      }
      case 0xc5 -> {
        return 4; // multianewarray
      }
      case 0xc4 -> {
        int wideOp = b[start + pc + 1] & 0xFF;
        return wideOp == 0x84 ? 6 : 4;
      }
      case 0xaa -> {
        int p = (pc + 4) & ~3;
        int lo = s4(b, start + p + 4);
        int hi = s4(b, start + p + 8);
        return p - pc + 12 + 4 * (hi - lo + 1);
      }
      case 0xab -> {
        int p = (pc + 4) & ~3;
        int n = s4(b, start + p + 4);
        return p - pc + 8 + 8 * n;
      }
      default -> {
        if (op >= 0x99 && op <= 0xa8) {
          return 3; // if<cond>, if_<cmp>, goto, jsr
        }
        return 1;
      }
    }
  }
}
