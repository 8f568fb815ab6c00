package dev.kiln.e2e.objects.corpus;

import dev.kiln.Jit;
import dev.kiln.e2e.Range;
import dev.kiln.e2e.Size;
import java.lang.invoke.MethodHandles;

/**
 * Exceptions through objects: nested try/catch/finally, finally overriding a return,
 * exceptions thrown by instance methods, constructors, interface calls and lambdas of callees,
 * user exceptions with fields, checked exceptions, multi-catch, causes, try-with-resources with
 * suppressed exceptions, exceptions thrown from finally, and the file and line of the frame that
 * threw.
 */
public final class ExceptionFlowCorpus {
  static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

  /** Incremented by finally blocks; the harness compares it after each run. */
  static int finallyRuns;

  private ExceptionFlowCorpus() {}

  public static final class ValidationException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int code;

    ValidationException(String message, int code) {
      super(message);
      this.code = code;
    }

    int code() {
      return code;
    }
  }

  public static final class CheckedFailure extends Exception {
    private static final long serialVersionUID = 1L;

    CheckedFailure(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** A helper object whose methods throw. */
  static final class Validator {
    private final int limit;

    Validator(int limit) {
      if (limit < 0) {
        throw new ValidationException("negative limit " + limit, 1);
      }
      this.limit = limit;
    }

    int check(int x) {
      if (x > limit) {
        throw new ValidationException(x + " exceeds " + limit, 2);
      }
      return limit - x;
    }

    int divide(int a, int b) {
      return a / b;
    }
  }

  interface Action {
    int run(int x) throws CheckedFailure;
  }

  static final class Resource implements AutoCloseable {
    private final StringBuilder log;
    private final String name;
    private final boolean failOnClose;

    Resource(StringBuilder log, String name, boolean failOnClose) {
      this.log = log;
      this.name = name;
      this.failOnClose = failOnClose;
      log.append("open ").append(name).append(';');
    }

    @Override
    public void close() {
      log.append("close ").append(name).append(';');
      if (failOnClose) {
        throw new IllegalStateException("close failed: " + name);
      }
    }
  }

  @Jit
  public static int nestedTryCatchFinally(@Range(min = -3, max = 5) int x) {
    int trace = 0;
    try {
      trace = trace * 10 + 1;
      try {
        trace = trace * 10 + 2;
        if (x < 0) {
          throw new IllegalArgumentException("neg");
        }
        trace = trace * 10 + 100 / x;
      } catch (ArithmeticException e) {
        trace = trace * 10 + 3;
        if (x == 0) {
          throw new IllegalStateException("zero", e);
        }
      } finally {
        trace = trace * 10 + 4;
      }
    } catch (IllegalArgumentException e) {
      trace = trace * 10 + 5;
    } catch (IllegalStateException e) {
      trace = trace * 10 + (e.getCause() instanceof ArithmeticException ? 6 : 7);
    } finally {
      trace = trace * 10 + 8;
    }
    return trace;
  }

  @Jit
  public static String finallyOrder(@Range(min = -2, max = 3) int x) {
    StringBuilder sb = new StringBuilder();
    try {
      try {
        sb.append('t');
        if (x == 0) {
          throw new UnsupportedOperationException("u");
        }
        if (x < 0) {
          return sb.append('r').toString();
        }
      } finally {
        sb.append('f');
      }
      sb.append('a');
    } catch (UnsupportedOperationException e) {
      sb.append('c').append(e.getMessage());
    } finally {
      sb.append('F');
    }
    return sb.toString();
  }

  @SuppressWarnings("finally")
  @Jit
  public static int finallyOverridesReturn(int x) {
    try {
      if (x == 0) {
        throw new IllegalStateException("discarded");
      }
      return x;
    } finally {
      if (x <= 0) {
        return -1;
      }
    }
  }

  @Jit
  public static int calleeThrows(@Range(min = -2, max = 12) int limit,
                                 @Range(min = -2, max = 14) int x) {
    try {
      Validator v = new Validator(limit);
      return v.check(x);
    } catch (ValidationException e) {
      return -e.code() * 100 - e.getMessage().length();
    }
  }

  /** The user exception escapes: compared by class and message. */
  @Jit
  public static int calleeThrowsUncaught(@Range(min = -2, max = 12) int limit,
                                         @Range(min = -2, max = 14) int x) {
    return new Validator(limit).check(x);
  }

  @Jit
  public static int arithmeticInCallee(int a, @Range(min = -2, max = 2) int b) {
    return new Validator(0).divide(a, b);
  }

  @Jit
  public static int multiCatch(@Range(min = -1, max = 4) int x, @Size(max = 3) int[] a) {
    try {
      return a[x] / (x - 1);
    } catch (ArithmeticException | ArrayIndexOutOfBoundsException e) {
      return e.getClass().getSimpleName().length();
    } catch (RuntimeException e) {
      return -1000;
    }
  }

  /** A checked exception from a callee through an interface, wrapping a cause. */
  @Jit
  public static int checkedFromInterface(@Range(min = -3, max = 3) int x) throws CheckedFailure {
    Action a = v -> {
      try {
        return 10 / v;
      } catch (ArithmeticException e) {
        throw new CheckedFailure("cannot run with " + v, e);
      }
    };
    return a.run(x) + a.run(x + 1);
  }

  @Jit
  public static String tryWithResources(@Range(min = 0, max = 7) int x) {
    StringBuilder log = new StringBuilder();
    try (Resource a = new Resource(log, "a", (x & 1) != 0);
         Resource b = new Resource(log, "b", (x & 2) != 0)) {
      log.append("body;");
      if ((x & 4) != 0) {
        throw new IllegalArgumentException("body failed");
      }
    } catch (RuntimeException e) {
      log.append("caught ").append(e.getMessage()).append(" suppressed ")
          .append(e.getSuppressed().length);
      for (Throwable s : e.getSuppressed()) {
        log.append(' ').append(s.getMessage());
      }
    }
    return log.toString();
  }

  @Jit
  public static String causes(@Range(min = 0, max = 3) int depth) {
    Throwable t = new IllegalStateException("root");
    for (int i = 0; i < depth; i++) {
      t = new RuntimeException("level " + i, t);
    }
    StringBuilder sb = new StringBuilder();
    for (Throwable c = t; c != null; c = c.getCause()) {
      sb.append(c.getClass().getSimpleName()).append(':').append(c.getMessage()).append(';');
    }
    return sb.toString();
  }

  @Jit
  public static int rethrowAfterFinally(@Range(min = -2, max = 2) int x) {
    try {
      if (x < 0) {
        throw new IllegalArgumentException("x=" + x);
      }
      return x * 2;
    } finally {
      finallyRuns++;
    }
  }

  @Jit
  public static int catchNpe(String s) {
    try {
      return s.length();
    } catch (NullPointerException e) {
      return -1;
    }
  }

  private int depthCounter;

  private int descend(int n) {
    depthCounter++;
    if (n == 0) {
      throw new ValidationException("bottom after " + depthCounter, depthCounter);
    }
    return descend(n - 1) + 1;
  }

  @Jit
  public static int deepUnwind(@Range(min = 0, max = 30) int depth) {
    ExceptionFlowCorpus c = new ExceptionFlowCorpus();
    try {
      return c.descend(depth);
    } catch (ValidationException e) {
      return e.code() * 1000 + c.depthCounter;
    }
  }

  @Jit
  public static int catchInLoop(int[] xs) {
    int failures = 0;
    int sum = 0;
    for (int x : xs) {
      try {
        sum += 1000 / x;
      } catch (ArithmeticException e) {
        failures++;
        continue;
      } finally {
        sum++;
      }
      sum *= 2;
    }
    return sum * 100 + failures;
  }

  @Jit
  public static int throwFromFinally(@Range(min = -1, max = 1) int x) {
    try {
      if (x != 0) {
        throw new IllegalArgumentException("from try");
      }
    } finally {
      if (x > 0) {
        throw new IllegalStateException("from finally");
      }
    }
    return 7;
  }

  @Jit
  public static String throwSiteLine(@Range(min = -1, max = 1) int x) {
    try {
      new Validator(x).check(5);
      return "no throw";
    } catch (ValidationException e) {
      StackTraceElement top = e.getStackTrace()[0];
      return top.getFileName() + ":" + top.getLineNumber() + ":" + e.code();
    }
  }

  @Jit
  public static int nestedTryInCatchAndFinally(@Range(min = -2, max = 2) int x) {
    int r = 0;
    try {
      r += 100 / x;
    } catch (ArithmeticException e) {
      try {
        r += Integer.parseInt("x" + x);
      } catch (NumberFormatException inner) {
        r -= inner.getMessage().length();
      }
    } finally {
      try {
        if (x < 0) {
          throw new IllegalStateException();
        }
        r += 1;
      } catch (IllegalStateException e) {
        r += 1000;
      }
    }
    return r;
  }

  @Jit
  public static int userExceptionObject(int x) {
    RuntimeException e = x % 2 == 0 ? new ValidationException("even", x)
        : new IllegalArgumentException("odd");
    try {
      throw e;
    } catch (ValidationException v) {
      return v.code;
    } catch (IllegalArgumentException i) {
      return i.getMessage().length();
    }
  }
}
