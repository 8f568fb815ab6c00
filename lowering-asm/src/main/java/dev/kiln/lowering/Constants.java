package dev.kiln.lowering;

import static org.objectweb.asm.Opcodes.ACONST_NULL;
import static org.objectweb.asm.Opcodes.BIPUSH;
import static org.objectweb.asm.Opcodes.DCONST_0;
import static org.objectweb.asm.Opcodes.FCONST_0;
import static org.objectweb.asm.Opcodes.ICONST_0;
import static org.objectweb.asm.Opcodes.LCONST_0;
import static org.objectweb.asm.Opcodes.SIPUSH;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

/** Pushes a constant with the shortest instruction javac would use for it. */
final class Constants {
  private Constants() {}

  /**
   * Pushes {@code value} (null, a box of int, long, float or double, a String or a class
   * {@link Type}); returns false, pushing nothing, for anything else.
   */
  static boolean push(MethodVisitor mv, Object value) {
    if (value == null) {
      mv.visitInsn(ACONST_NULL);
    } else if (value instanceof Integer i) {
      int x = i;
      if (x >= -1 && x <= 5) {
        mv.visitInsn(ICONST_0 + x);
      } else if (x >= Byte.MIN_VALUE && x <= Byte.MAX_VALUE) {
        mv.visitIntInsn(BIPUSH, x);
      } else if (x >= Short.MIN_VALUE && x <= Short.MAX_VALUE) {
        mv.visitIntInsn(SIPUSH, x);
      } else {
        mv.visitLdcInsn(x);
      }
    } else if (value instanceof Long l) {
      if (l == 0L || l == 1L) {
        mv.visitInsn(LCONST_0 + (int) (long) l);
      } else {
        mv.visitLdcInsn(l);
      }
    } else if (value instanceof Float f) {
      int bits = Float.floatToRawIntBits(f);
      if (bits == Float.floatToRawIntBits(0f) || f == 1f || f == 2f) {
        mv.visitInsn(FCONST_0 + (int) (float) f);
      } else {
        mv.visitLdcInsn(f);
      }
    } else if (value instanceof Double d) {
      long bits = Double.doubleToRawLongBits(d);
      if (bits == Double.doubleToRawLongBits(0d) || d == 1d) {
        mv.visitInsn(DCONST_0 + (int) (double) d);
      } else {
        mv.visitLdcInsn(d);
      }
    } else if (value instanceof String || value instanceof Type) {
      mv.visitLdcInsn(value);
    } else {
      return false;
    }
    return true;
  }
}
