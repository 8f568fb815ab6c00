package dev.kiln.frontend;

/** A bytecode instruction Kiln does not compile (yet), located in the user's code. */
public final class UnsupportedBytecodeError extends CompileError {
  private static final long serialVersionUID = 1L;

  public UnsupportedBytecodeError(String message) {
    super(message);
  }
}
