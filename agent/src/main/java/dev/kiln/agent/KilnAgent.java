package dev.kiln.agent;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.agent.ByteBuddyAgent;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

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
   * Rewrites a small class made up here, and registers its bytes as a transformation does, so
   * that what a transformation needs (ASM, the agent's classes, {@code Dispatchers}) is loaded
   * now rather than inside the first class load it rewrites.
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
      byte[] bytes = warmUpClass();
      ClassLoader loader = KilnAgent.class.getClassLoader();
      if (loader != null) {
        transformer.isCandidate(loader, WARM_UP, null, bytes);
        transformer.seesKiln(loader);
      }
      if (transformer.rewrite(bytes) == null) {
        AgentLog.debug("warm-up rewrote nothing");
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

  private static final String WARM_UP = "warm/Up";

  /**
   * {@code class warm.Up { @Jit static long m(int, long) {...} static void n() {} }}, where
   * {@code m} branches (so has a frame, with types) and {@code n} is copied as it is: the
   * shapes the rewriter meets.
   */
  static byte[] warmUpClass() {
    ClassWriter cw = new ClassWriter(0);
    cw.visit(Opcodes.V11, Opcodes.ACC_SUPER, WARM_UP, null, "java/lang/Object", null);
    MethodVisitor m = cw.visitMethod(Opcodes.ACC_STATIC, "m", "(IJ)J", null, null);
    m.visitAnnotation(Selection.JIT_DESCRIPTOR, true).visitEnd();
    m.visitCode();
    Label positive = new Label();
    m.visitVarInsn(Opcodes.ILOAD, 0);
    m.visitJumpInsn(Opcodes.IFGT, positive);
    m.visitInsn(Opcodes.LCONST_0);
    m.visitInsn(Opcodes.LRETURN);
    m.visitLabel(positive);
    m.visitFrame(Opcodes.F_FULL, 2, new Object[] {Opcodes.INTEGER, Opcodes.LONG}, 0,
        new Object[0]);
    m.visitVarInsn(Opcodes.LLOAD, 1);
    m.visitInsn(Opcodes.LRETURN);
    m.visitMaxs(2, 3);
    m.visitEnd();
    MethodVisitor n = cw.visitMethod(Opcodes.ACC_STATIC, "n", "()V", null, null);
    n.visitCode();
    n.visitInsn(Opcodes.RETURN);
    n.visitMaxs(0, 0);
    n.visitEnd();
    cw.visitEnd();
    return cw.toByteArray();
  }

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
