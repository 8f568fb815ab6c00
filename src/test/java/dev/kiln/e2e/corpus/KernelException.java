package dev.kiln.e2e.corpus;

/** A user exception thrown and caught by corpus methods (public constructors). */
public class KernelException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public KernelException(String message) {
    super(message);
  }

  /** Package-private, as user exceptions often are. */
  KernelException(String what, int code) {
    super(what + " (code " + code + ")");
  }
}
