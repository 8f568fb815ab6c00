package dev.kiln.frontend;

/**
 * Where an IR statement came from.
 *
 * @param offset index of the originating instruction in the method's instruction list
 *               (ASM {@code InsnList} index), or -1 for synthesized statements
 * @param line   source line, or -1 when the class has no line numbers
 */
public record Site(int offset, int line) {
  public static final Site NONE = new Site(-1, -1);
}
