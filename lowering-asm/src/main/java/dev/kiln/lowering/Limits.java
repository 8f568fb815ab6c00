package dev.kiln.lowering;

/** Size limits lowering checks, with the reason for each number. */
public final class Limits {
  private Limits() {}

  /**
   * HotSpot's {@code HugeMethodLimit}: with the default {@code -XX:+DontCompileHugeMethods},
   * methods with more bytecode than this are never JIT-compiled and run interpreted.
   */
  public static final int HUGE_METHOD_BYTES = 8000;

  /** The class-file format's limit on a method's code (JVMS 4.7.3: {@code code_length < 65536}). */
  public static final int MAX_METHOD_BYTES = 65535;

  /** The class-file format's limit on locals (JVMS 4.7.3: {@code max_locals} is a u2). */
  public static final int MAX_LOCALS = 65535;
}
