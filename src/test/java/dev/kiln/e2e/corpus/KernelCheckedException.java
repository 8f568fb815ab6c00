package dev.kiln.e2e.corpus;

/** A checked user exception with a package-private constructor. */
public class KernelCheckedException extends Exception {
  private static final long serialVersionUID = 1L;

  KernelCheckedException(String message) {
    super(message);
  }
}
