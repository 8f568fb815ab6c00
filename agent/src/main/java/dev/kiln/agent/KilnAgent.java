package dev.kiln.agent;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.agent.ByteBuddyAgent;

/**
 * The Kiln agent. With {@code java -javaagent:kiln.jar -cp app.jar Main} every {@code @Jit}
 * method (and every method an agent pattern names, see {@link AgentArgs}) is rewritten when its
 * class is first loaded so that its body is an {@code invokedynamic} into its dispatcher;
 * callers change nothing. {@link #install()} (and {@code Kiln.install()}) attaches the same
 * agent to the running JVM.
 *
 * <p>Only classes loaded after the agent is installed are rewritten: a class already loaded
 * cannot gain the method that keeps its original body (the JVM's retransformation cannot add
 * methods), so such classes are left alone and named once on standard error. Use
 * {@code Kiln.jit(...)} for them.
 *
 * <p>The rewriting is plain ASM ({@link KilnTransformer}); ByteBuddy serves only
 * {@link #install()}, to attach to this JVM, so {@code -javaagent} loads none of it.
 */
public final class KilnAgent {
  /** System property holding agent arguments for {@link #install()}. */
  public static final String ARGS_PROPERTY = "kiln.agent.args";

  private static Instrumentation installed;
  private static String how;

  private KilnAgent() {}

  /** Entry point of {@code -javaagent:kiln.jar[=args]}. */
  public static void premain(String args, Instrumentation inst) {
    registerOrReport(args, inst, "-javaagent");
  }

  /** Entry point of attaching {@code kiln.jar} to a running JVM. */
  public static void agentmain(String args, Instrumentation inst) {
    registerOrReport(args, inst, "attach");
  }

  /** An agent entry point that throws stops the JVM; the application runs without Kiln instead. */
  private static void registerOrReport(String args, Instrumentation inst, String via) {
    try {
      register(args, inst, via);
    } catch (Throwable t) {
      AgentLog.once("not installed", "not installed (" + via + "): " + AgentLog.describe(t));
    }
  }

  /**
   * Attaches the Kiln agent to this JVM (once; later calls do nothing), with the arguments of
   * the system property {@value #ARGS_PROPERTY} if set. Classes loaded afterwards are rewritten.
   *
   * @throws IllegalStateException if this JVM cannot attach an agent to itself (a JRE without
   *                               {@code jdk.attach}, or {@code -XX:+DisableAttachMechanism})
   */
  public static synchronized void install() {
    if (installed != null) {
      return;
    }
    Instrumentation inst;
    try {
      inst = ByteBuddyAgent.install();
    } catch (RuntimeException | LinkageError e) {
      throw new IllegalStateException("Kiln.install() could not attach the Kiln agent to this "
          + "JVM (" + e + "); start it with -javaagent:kiln.jar instead", e);
    }
    register(System.getProperty(ARGS_PROPERTY), inst, "Kiln.install()");
  }

  /** Whether the agent is active in this JVM. */
  public static synchronized boolean isInstalled() {
    return installed != null;
  }

  private static void register(String rawArgs, Instrumentation inst, String via) {
    AgentArgs args;
    try {
      args = AgentArgs.parse(rawArgs);
    } catch (IllegalArgumentException e) {
      // a bad argument must not stop the application: run without the agent, and say so
      AgentLog.once("args", "not installed: " + e.getMessage());
      return;
    }
    synchronized (KilnAgent.class) {
      if (installed != null) {
        AgentLog.once("twice " + via, "already installed (by " + how + "); " + via
            + " does nothing");
        return;
      }
      KilnTransformer transformer = new KilnTransformer(args);
      warmUp(transformer);
      inst.addTransformer(transformer, false);
      installed = inst;
      how = via;
    }
    AgentLog.debug("installed by " + via + (args.patterns.isEmpty() ? "" : " with " + args));
    if (!via.equals("-javaagent")) {
      reportLoadedBefore(inst, args);
    }
  }

  /**
   * Loads and initializes what every class load's transformation runs (the filter, the log, the
   * linker, {@code Dispatchers}), so that it is not first loaded inside a class load. ASM is
   * not among it: a warm start finds its rewrites in the cache and never needs it.
   */
  private static void warmUp(KilnTransformer transformer) {
    for (Class<?> c : List.of(AgentLog.class, AgentLinker.class,
        dev.kiln.dispatch.Dispatchers.class)) {
      try {
        Class.forName(c.getName(), true, c.getClassLoader());
      } catch (ClassNotFoundException | LinkageError e) {
        AgentLog.debug("warm-up of " + c.getName() + " failed: " + e);
      }
    }
    try {
      byte[] bytes = Selection.JIT_DESCRIPTOR.getBytes("ISO-8859-1"); // by name: StandardCharsets loads all
      ClassLoader loader = KilnAgent.class.getClassLoader();
      if (loader != null) {
        transformer.isCandidate(loader, WARM_UP, null, bytes);
        transformer.seesKiln(loader);
      }
      // under a loader of its own, so that the registration goes when the loader does
      try (java.net.URLClassLoader throwaway = new java.net.URLClassLoader(new java.net.URL[0],
          null)) {
        dev.kiln.dispatch.Dispatchers.registerOriginalBytes(throwaway, WARM_UP, bytes);
      }
    } catch (IOException | RuntimeException | LinkageError e) {
      AgentLog.debug("warm-up failed: " + e);
    }
  }

  /** A name for the warm-up's bytes, which are not a class file: the filter and the
   * registration only look at them. */
  private static final String WARM_UP = "warm/Up";

  /**
   * Names, once, the classes loaded before the agent that it would have rewritten: those whose
   * bytes name {@code @Jit} or that a pattern selects.
   */
  private static void reportLoadedBefore(Instrumentation inst, AgentArgs args) {
    try {
      List<String> missed = new ArrayList<>();
      ClassLoader platform = ClassLoader.getPlatformClassLoader();
      for (Class<?> c : inst.getAllLoadedClasses()) {
        ClassLoader loader = c.getClassLoader();
        if (loader == null || loader == platform || c.isArray() || c.isHidden()
            || c.isPrimitive()) {
          continue;
        }
        String internal = c.getName().replace('.', '/');
        if (KilnTransformer.isExcluded(internal)) {
          continue;
        }
        if (args.selectsClass(c.getName()) || namesJit(loader, internal)) {
          missed.add(c.getName());
        }
      }
      if (!missed.isEmpty()) {
        missed.sort(null);
        AgentLog.once("loaded before", missed.size() + " class(es) with methods to compile were "
            + "loaded before the agent was installed and keep their methods as they are (a "
            + "loaded class cannot gain methods): " + String.join(", ", missed)
            + ". Use Kiln.jit(...) for them, or start the JVM with -javaagent:kiln.jar");
      }
    } catch (RuntimeException | LinkageError e) {
      AgentLog.debug("could not list classes loaded before the agent: " + e);
    }
  }

  private static boolean namesJit(ClassLoader loader, String internal) {
    try (InputStream in = loader.getResourceAsStream(internal + ".class")) {
      return in != null && dev.kiln.frontend.ClassFileReader.mentions(in.readAllBytes(),
          Selection.JIT_DESCRIPTOR);
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }
}
