package dev.kiln.typing;

import dev.kiln.frontend.CompileError;

/**
 * Kiln could not type an operation: the message names the source file and line, the
 * operation, the argument types and the candidates tried (Numba's {@code TypingError}).
 */
public class TypingError extends CompileError {
  private static final long serialVersionUID = 1L;

  public TypingError(String message) {
    super(message);
  }

  public TypingError(String message, Throwable cause) {
    super(message, cause);
  }
}
