package dev.kiln.dispatch;

import dev.kiln.frontend.CompileError;
import dev.kiln.typing.Typeof;
import dev.kiln.typing.TypingError;

/**
 * The errors a call through a dispatcher can raise, made here, in a class loaded only when one
 * is raised. Why: the verifier loads every exception type a method throws or catches when it
 * links the method's class, so a class on the call path that named them would load each of them
 * on every start (about 0.2 ms apiece, most from outside the JDK's shared archive). Methods
 * here return {@code RuntimeException} for the same reason.
 */
final class CallErrors {
  private CallErrors() {}

  /** No specialization takes these arguments (or, with explicit signatures, none converts). */
  static RuntimeException noMatch(JitDispatcher d, Object[] args) {
    StringBuilder sb = new StringBuilder("No matching definition for argument type(s) (");
    for (int i = 0; i < args.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(args[i] == null ? "null"
          : Typeof.typeof(args[i]).javaName());
    }
    sb.append(") of ").append(d.target.display());
    java.util.List<String> compiled = d.signatures();
    if (!compiled.isEmpty()) {
      sb.append("; compiled: ").append(compiled);
    }
    return new TypingError(sb.toString());
  }

  /** The class loader of {@code c} has no class file for it. */
  static RuntimeException noClassFile(Class<?> c, String resource) {
    return new CompileError("Kiln cannot find the bytecode of " + c.getName()
        + " (no resource " + resource + " in its class loader)");
  }

  /** The class file of {@code c} is there but cannot be read. */
  static RuntimeException unreadableClass(Class<?> c, Exception e) {
    return e instanceof CompileError ce ? ce
        : new CompileError("Kiln cannot read the bytecode of " + c.getName() + ": " + e, e);
  }

  /** An internal step failed that should not have (unchecked, with its cause). */
  static RuntimeException illegalState(String message, Throwable cause) {
    return new IllegalStateException(message, cause);
  }

  /** The method's class could not be initialized through the dispatcher's lookup. */
  static RuntimeException cannotInitialize(MethodTarget t, Exception e) {
    return new IllegalStateException("Kiln cannot initialize " + t.owner.getName() + ": " + e, e);
  }

  /** A specialization's maker waits for itself: a compile that needs its own result. */
  static RuntimeException recursiveCompile() {
    return new IllegalStateException("a specialization waits for itself (recursive compile)");
  }

  /** A checked exception that making a specialization threw, rethrown unchecked. */
  static RuntimeException wrapped(Throwable t) {
    return new IllegalStateException(t);
  }
}
