package dev.kiln.frontend;

/**
 * Kiln could not compile a method. The message names the user's code: class, method, source
 * file and line, and the operation; subclasses say which stage gave up.
 */
public class CompileError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CompileError(String message) {
    super(message);
  }

  public CompileError(String message, Throwable cause) {
    super(message, cause);
  }
}
