package dev.kiln.agent;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.ByteBuddyAgent;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.matcher.ElementMatchers;

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
      warmUp();
      inst.addTransformer(new KilnTransformer(byteBuddyTransformer(args), args), false);
      installed = inst;
      how = via;
    }
    AgentLog.debug("installed by " + via + (args.patterns.isEmpty() ? "" : " with " + args));
    if (!via.equals("-javaagent")) {
      reportLoadedBefore(inst, args);
    }
  }

  /**
   * ByteBuddy's transformer: pool-only descriptions (a class being loaded is described from its
   * bytes and its loader's resources, never loaded), decoration only (the class is visited, not
   * rebuilt), no retransformation, no initializers.
   */
  static java.lang.instrument.ClassFileTransformer byteBuddyTransformer(AgentArgs args) {
    return new AgentBuilder.Default(new ByteBuddy().with(TypeValidation.DISABLED))
        .with(AgentBuilder.PoolStrategy.Default.FAST)
        .with(AgentBuilder.DescriptionStrategy.Default.POOL_ONLY)
        .with(AgentBuilder.TypeStrategy.Default.DECORATE)
        .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
        .with(AgentBuilder.RedefinitionStrategy.DISABLED)
        .with(AgentBuilder.FallbackStrategy.Simple.DISABLED)
        .with(AgentBuilder.Listener.NoOp.INSTANCE) // KilnTransformer reports failures
        .ignore(ElementMatchers.none())
        .type((type, loader, module, classBeingRedefined, protectionDomain) ->
            classBeingRedefined == null && !Selection.of(type, args).isEmpty())
        .transform((builder, type, loader, module, protectionDomain) ->
            builder.visit(new Rewriter(Selection.of(type, args))))
        .makeRaw();
  }

  /** Loads what a transformation needs now, not inside the first class load it rewrites. */
  private static void warmUp() {
    for (Class<?> c : List.of(AgentLog.class, Selection.class, Selection.Target.class,
        Rewriter.class, Rewriter.Unrewritable.class, AgentLinker.class,
        dev.kiln.dispatch.Dispatchers.class)) {
      try {
        Class.forName(c.getName(), true, c.getClassLoader());
      } catch (ClassNotFoundException | LinkageError e) {
        AgentLog.debug("warm-up of " + c.getName() + " failed: " + e);
      }
    }
    KilnTransformer.isExcluded("warm/Up");
  }

  /**
   * Names, once, the classes loaded before the agent that it would have rewritten: those whose
   * bytes name {@code @Jit} or that a pattern selects.
   */
  private static void reportLoadedBefore(Instrumentation inst, AgentArgs args) {
    try {
      List<String> missed = new ArrayList<>();
      byte[] jit = Selection.JIT_DESCRIPTOR.getBytes(java.nio.charset.StandardCharsets.UTF_8);
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
        if (args.selectsClass(c.getName()) || namesJit(loader, internal, jit)) {
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

  private static boolean namesJit(ClassLoader loader, String internal, byte[] jit) {
    try (InputStream in = loader.getResourceAsStream(internal + ".class")) {
      return in != null && KilnTransformer.contains(in.readAllBytes(), jit);
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }
}
