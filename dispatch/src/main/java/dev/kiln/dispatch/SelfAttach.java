package dev.kiln.dispatch;

/**
 * {@link dev.kiln.Kiln#install()}: finds the Kiln agent beside this class and has it attach
 * itself. A class of its own so that {@code Kiln}, which every program using Kiln loads first,
 * names none of the exceptions this handles (the verifier would load each of them).
 */
public final class SelfAttach {
  private SelfAttach() {}

  /** See {@link dev.kiln.Kiln#install()}. */
  public static void install() {
    Class<?> agent;
    try {
      agent = Class.forName("dev.kiln.agent.KilnAgent", true, SelfAttach.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new UnsupportedOperationException("Kiln.install() needs the Kiln agent, which is not "
          + "on the class path: use kiln.jar (dev.kiln:kiln-agent) rather than kiln-dispatch "
          + "alone, or start the JVM with -javaagent:kiln.jar", e);
    }
    try {
      agent.getMethod("install").invoke(null);
    } catch (java.lang.reflect.InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException("Kiln.install() failed: " + cause, cause);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Kiln.install() cannot call the Kiln agent: " + e, e);
    }
  }
}
