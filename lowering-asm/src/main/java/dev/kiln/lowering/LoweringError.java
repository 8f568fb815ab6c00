package dev.kiln.lowering;

import dev.kiln.frontend.CompileError;

/** Code generation refused a method (too large, or an operation without a lowering). */
public final class LoweringError extends CompileError {
  private static final long serialVersionUID = 1L;

  public LoweringError(String message) {
    super(message);
  }

  public LoweringError(String message, Throwable cause) {
    super(message, cause);
  }
}
