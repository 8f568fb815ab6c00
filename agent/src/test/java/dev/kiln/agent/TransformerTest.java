package dev.kiln.agent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.Jit;
import dev.kiln.Kiln;
import dev.kiln.agent.fixtures.Accumulator;
import dev.kiln.agent.fixtures.Inputs;
import dev.kiln.agent.fixtures.Kernels;
import dev.kiln.agent.fixtures.MathFns;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.invoke.CallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.util.CheckClassAdapter;
import org.objectweb.asm.util.Textifier;
import org.objectweb.asm.util.TraceMethodVisitor;

/**
 * The transformer in this JVM, without an agent: fixtures are loaded through a class loader
 * that passes their bytes through {@link KilnTransformer} as the JVM would.
 */
class TransformerTest {
  private static final AgentArgs NO_ARGS = AgentArgs.NONE;

  /** Loads {@code dev.kiln.agent.fixtures.*} itself, through the transformer. */
  static final class TransformingLoader extends ClassLoader {
    final KilnTransformer transformer;
    final List<String> rewritten = new ArrayList<>();

    TransformingLoader(AgentArgs args) {
      super(TransformerTest.class.getClassLoader());
      transformer = new KilnTransformer(args);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (!name.startsWith("dev.kiln.agent.fixtures.")) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> c = findLoadedClass(name);
        if (c == null) {
          byte[] bytes = original(name);
          byte[] out = transformer.transform(null, this, name.replace('.', '/'), null, null,
              bytes);
          if (out != null) {
            rewritten.add(name);
          }
          byte[] b = out != null ? out : bytes;
          c = defineClass(name, b, 0, b.length);
        }
        return c;
      }
    }
  }

  static byte[] original(String name) {
    try (InputStream in = TransformerTest.class.getClassLoader()
        .getResourceAsStream(name.replace('.', '/') + ".class")) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  static byte[] transform(String name, AgentArgs args) {
    TransformingLoader l = new TransformingLoader(args);
    return l.transformer.transform(null, l, name.replace('.', '/'), null, null, original(name));
  }

  @Test
  void rewrittenClassesVerifyAndKeepTheOriginalBodies() {
    byte[] out = transform(Kernels.class.getName(), NO_ARGS);
    assertNotNull(out);
    assertVerifies(out);
    ClassNode before = node(original(Kernels.class.getName()));
    ClassNode after = node(out);
    for (String m : List.of("dot", "triangle", "clampedSum")) {
      MethodNode orig = method(before, m);
      MethodNode stub = method(after, m);
      MethodNode copy = method(after, m + "$kiln$original");
      assertEquals(orig.desc, copy.desc);
      assertEquals(code(orig), code(copy), m);
      assertEquals(orig.tryCatchBlocks.size(), copy.tryCatchBlocks.size(), m);
      assertTrue(code(stub).contains("INVOKEDYNAMIC " + m + orig.desc), code(stub));
      assertTrue(code(stub).contains("dev/kiln/agent/AgentLinker.link"), code(stub));
      assertTrue(code(stub).contains("\"" + m + "$kiln$original\""), code(stub));
      assertTrue((copy.access & Modifier.PRIVATE) != 0 && (copy.access & 0x1000) != 0, m);
      assertEquals(orig.access & Modifier.STATIC, copy.access & Modifier.STATIC);
      assertEquals(orig.access & ~Modifier.SYNCHRONIZED, stub.access, m);
      assertEquals(1, stub.visibleAnnotations.size(), m);
      assertEquals("Ldev/kiln/Jit;", stub.visibleAnnotations.get(0).desc);
      assertNull(copy.visibleAnnotations, m);
    }
    assertEquals(Modifier.SYNCHRONIZED,
        method(after, "clampedSum$kiln$original").access & Modifier.SYNCHRONIZED);
    // everything else is as it was
    assertEquals(before.methods.size() + 3, after.methods.size());
    for (String m : List.of("plainHelper", "<init>")) {
      assertEquals(code(method(before, m)), code(method(after, m)), m);
      assertEquals(method(before, m).access, method(after, m).access, m);
    }
    assertEquals(before.version, after.version);
    assertEquals(before.access, after.access);
  }

  @Test
  void everyRewrittenShapePassesAsmsChecks() {
    // instance method (receiver first), interface static method, pattern-selected method, and
    // a class with a branch (so frames) and a method left alone
    assertVerifies(transform(Accumulator.class.getName(), NO_ARGS));
    assertVerifies(transform(MathFns.class.getName(), NO_ARGS));
    assertVerifies(transform("dev.kiln.agent.fixtures.Plain",
        AgentArgs.parse("jit=dev.kiln.agent.fixtures.Plain")));
    byte[] warm = new KilnTransformer(NO_ARGS).rewrite(branchingClass());
    assertNotNull(warm);
    assertVerifies(warm);
    assertNotNull(find(node(warm), "m$kiln$original"));
    assertNull(find(node(warm), "n$kiln$original"));
    // and the JVM's own verifier takes it (which checks the frames, as ASM's does not)
    assertEquals("warm.Up", defineAndInitialize("warm.Up", warm).getName());
    assertEquals("warm.Up", defineAndInitialize("warm.Up", branchingClass()).getName());
    MethodNode stub = method(node(Objects.requireNonNull(
        transform(Accumulator.class.getName(), NO_ARGS))), "weightedSum");
    assertTrue(code(stub).contains(
        "(Ldev/kiln/agent/fixtures/Accumulator;[D)D"), "receiver first: " + code(stub));
  }

  @Test
  void selectionReadsTheMethodHeaders() {
    byte[] bytes = selectionClass(false);
    assertEquals(List.of(
            new Selection.Target("a", "(I)I", true, true),
            new Selection.Target("b", "()V", false, true)),
        Selection.of(new ClassReader(bytes), NO_ARGS),
        "no constructors, initializers, abstract, native, synthetic or bridge methods, and "
            + "only a visible @Jit");
    assertEquals(List.of(
            new Selection.Target("a", "(I)I", true, true),
            new Selection.Target("b", "()V", false, true),
            new Selection.Target("d", "(J)J", true, false)),
        Selection.of(new ClassReader(bytes), AgentArgs.parse("jit=x.Sel#a,x.Sel#d,x.Sel#g")),
        "and what a pattern names, but still no synthetic method");
    assertEquals(List.of(), Selection.of(new ClassReader(selectionClass(true)), NO_ARGS),
        "rewritten already");
  }

  /** {@code x.Sel}: methods of every kind, most with {@code @Jit}, headers only. */
  private static byte[] selectionClass(boolean rewrittenBefore) {
    ClassWriter cw = new ClassWriter(0);
    cw.visit(Opcodes.V17, Opcodes.ACC_ABSTRACT | Opcodes.ACC_SUPER, "x/Sel", null,
        "java/lang/Object", null);
    int s = Opcodes.ACC_STATIC;
    header(cw, 0, "<init>", "()V", true);
    header(cw, s, "<clinit>", "()V", true);
    header(cw, s, "a", "(I)I", true);
    header(cw, 0, "b", "()V", true);
    header(cw, s, "c", "()V", false).visitAnnotation(Selection.JIT_DESCRIPTOR, false)
        .visitEnd(); // invisible: not how @Jit is retained
    header(cw, s, "d", "(J)J", false);
    header(cw, Opcodes.ACC_ABSTRACT, "e", "()V", true);
    header(cw, s | Opcodes.ACC_NATIVE, "f", "()V", true);
    header(cw, s | Opcodes.ACC_SYNTHETIC, "g", "()V", true);
    header(cw, Opcodes.ACC_BRIDGE | Opcodes.ACC_SYNTHETIC, "h", "()Ljava/lang/Object;", true);
    if (rewrittenBefore) {
      header(cw, s | Opcodes.ACC_PRIVATE | Opcodes.ACC_SYNTHETIC, "a$kiln$original", "(I)I",
          false);
    }
    cw.visitEnd();
    return cw.toByteArray();
  }

  private static MethodVisitor header(ClassWriter cw, int access, String name, String desc,
                                      boolean jit) {
    MethodVisitor mv = cw.visitMethod(access, name, desc, null, null);
    if (jit) {
      mv.visitAnnotation(Selection.JIT_DESCRIPTOR, true).visitEnd();
    }
    return mv;
  }

  @Test
  void rewrittenMethodsRunThroughTheirDispatchers() throws Throwable {
    TransformingLoader l = new TransformingLoader(NO_ARGS);
    Class<?> k = Class.forName(Kernels.class.getName(), true, l);
    assertTrue(l.rewritten.contains(Kernels.class.getName()), l.rewritten.toString());
    Method dot = k.getMethod("dot", double[].class, double[].class);
    assertTrue(dot.isAnnotationPresent(Jit.class));
    assertEquals(Kernels.dot(Inputs.a(), Inputs.b()), dot.invoke(null, Inputs.a(), Inputs.b()));
    assertEquals(List.of("double(double[], double[])"), Kiln.dispatcher(k, "dot").signatures());
    assertEquals(Kernels.triangle(77), k.getMethod("triangle", long.class).invoke(null, 77L));
    assertEquals(List.of("long(long)"), Kiln.dispatcher(k, "triangle").signatures());

    Class<?> acc = Class.forName(Accumulator.class.getName(), true, l);
    Object a = acc.getConstructor(double.class).newInstance(2.0);
    assertEquals(new Accumulator(2.0).weightedSum(Inputs.b()),
        acc.getMethod("weightedSum", double[].class).invoke(a, (Object) Inputs.b()));
    assertFalse(Kiln.dispatcher(acc, "weightedSum").signatures().isEmpty());
  }

  @Test
  void theLinkerFallsBackToTheOriginalBody() throws Throwable {
    TransformingLoader l = new TransformingLoader(NO_ARGS);
    Class<?> k = Class.forName(Kernels.class.getName(), true, l);
    MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(k, MethodHandles.lookup());
    MethodType dotType = MethodType.methodType(double.class, double[].class, double[].class);
    MethodHandle orig = AgentLinker.original(lookup, dotType, "dot$kiln$original");
    assertEquals(Kernels.dot(Inputs.a(), Inputs.b()),
        (double) orig.invokeExact(Inputs.a(), Inputs.b()));
    // linking fails (no method "missing"): the site runs the original body, reported once
    CallSite site = AgentLinker.link(lookup, "missing", dotType, "dot$kiln$original");
    assertEquals(Kernels.dot(Inputs.a(), Inputs.b()),
        (double) site.dynamicInvoker().invokeExact(Inputs.a(), Inputs.b()));

    Class<?> acc = Class.forName(Accumulator.class.getName(), true, l);
    MethodType wType = MethodType.methodType(double.class, acc, double[].class);
    MethodHandle w = AgentLinker.original(MethodHandles.privateLookupIn(acc,
        MethodHandles.lookup()), wType, "weightedSum$kiln$original");
    Object a = acc.getConstructor(double.class).newInstance(3.0);
    assertEquals(new Accumulator(3.0).weightedSum(Inputs.a()), w.invoke(a, Inputs.a()));
  }

  @Test
  void patternsSelectUnannotatedMethods() {
    AgentArgs args = AgentArgs.parse("jit=dev.kiln.agent.fixtures.Plain#poly");
    ClassNode after = node(transform("dev.kiln.agent.fixtures.Plain", args));
    assertNotNull(method(after, "poly$kiln$original"));
    assertNull(find(after, "other$kiln$original"));
    assertNull(transform("dev.kiln.agent.fixtures.Plain", NO_ARGS), "nothing to rewrite");
  }

  @Test
  void failuresLeaveTheClassUnchanged() {
    String broken = "dev.kiln.agent.fixtures.Broken";
    System.setProperty(Rewriter.FAIL_ON, broken);
    try {
      assertNull(transform(broken, NO_ARGS));
    } finally {
      System.clearProperty(Rewriter.FAIL_ON);
    }
    assertNotNull(transform(broken, NO_ARGS));
    // garbage that names @Jit: ASM cannot parse it, the class is left as it is
    byte[] junk = "CAFEBABE Ldev/kiln/Jit; not a class".getBytes();
    TransformingLoader l = new TransformingLoader(NO_ARGS);
    assertNull(l.transformer.transform(null, l, "x/Junk", null, null, junk));
  }

  @Test
  void kilnsOwnAndGeneratedClassesAreNeverCandidates() {
    assertTrue(KilnTransformer.isExcluded("dev/kiln/Kiln"));
    assertTrue(KilnTransformer.isExcluded("dev/kiln/agent/AgentLinker"));
    assertTrue(KilnTransformer.isExcluded("dev/kiln/dispatch/Bootstraps"));
    assertTrue(KilnTransformer.isExcluded("dev/kiln/shaded/asm/ClassReader"));
    assertTrue(KilnTransformer.isExcluded("com/acme/Kernels$$Kiln$dot$1a2b"));
    assertTrue(KilnTransformer.isExcluded("com/acme/Kernels$$KilnEntry$0"));
    assertTrue(KilnTransformer.isExcluded("java/lang/String"));
    assertFalse(KilnTransformer.isExcluded("dev/kiln/agent/fixtures/Kernels"));
    assertFalse(KilnTransformer.isExcluded("dev/kiln/e2e/Corpus"));
    assertFalse(KilnTransformer.isExcluded("com/acme/Kernels"));
    TransformingLoader l = new TransformingLoader(NO_ARGS);
    byte[] bytes = original(Kernels.class.getName());
    assertFalse(l.transformer.isCandidate(null, "com/acme/K", null, bytes), "bootstrap loader");
    assertFalse(l.transformer.isCandidate(l, "com/acme/K", Kernels.class, bytes), "redefinition");
    assertTrue(l.transformer.isCandidate(l, "com/acme/K", null, bytes));
    assertFalse(l.transformer.isCandidate(l, "com/acme/K", null, new byte[] {1, 2, 3}));
  }

  @Test
  void classesOfLoadersThatCannotSeeKilnAreLeftAlone() throws IOException {
    TransformingLoader l = new TransformingLoader(NO_ARGS);
    try (java.net.URLClassLoader isolated = new java.net.URLClassLoader(new java.net.URL[0],
        null)) {
      assertFalse(l.transformer.seesKiln(isolated));
      assertNull(l.transformer.transform(null, isolated,
          Kernels.class.getName().replace('.', '/'), null, null,
          original(Kernels.class.getName())));
    }
    assertTrue(l.transformer.seesKiln(l));
  }

  @Test
  void aRewrittenClassIsNotRewrittenAgain() {
    byte[] once = transform(Kernels.class.getName(), NO_ARGS);
    TransformingLoader l = new TransformingLoader(NO_ARGS);
    assertNull(l.transformer.transform(null, l, Kernels.class.getName().replace('.', '/'), null,
        null, once));
    assertArrayEquals(once, transform(Kernels.class.getName(), NO_ARGS), "deterministic");
  }

  private void assertVerifies(byte[] bytes) {
    assertNotNull(bytes);
    StringWriter sw = new StringWriter();
    CheckClassAdapter.verify(new ClassReader(bytes), getClass().getClassLoader(), false,
        new PrintWriter(sw));
    assertEquals("", sw.toString());
  }

  /** Defines {@code bytes} in a class loader of their own, and initializes the class. */
  private static Class<?> defineAndInitialize(String name, byte[] bytes) {
    ClassLoader l = new ClassLoader(TransformerTest.class.getClassLoader()) {
      @Override
      protected Class<?> findClass(String n) throws ClassNotFoundException {
        if (!n.equals(name)) {
          throw new ClassNotFoundException(n);
        }
        return defineClass(n, bytes, 0, bytes.length);
      }
    };
    try {
      return Class.forName(name, true, l);
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }

  /** A method's instructions as text (labels numbered in order, so bodies compare). */
  private static String code(MethodNode m) {
    Textifier t = new Textifier();
    m.instructions.accept(new TraceMethodVisitor(t));
    StringWriter sw = new StringWriter();
    t.print(new PrintWriter(sw));
    return sw.toString();
  }

  private static ClassNode node(byte[] bytes) {
    ClassNode cn = new ClassNode();
    new ClassReader(bytes).accept(cn, 0);
    return cn;
  }

  private static MethodNode method(ClassNode cn, String name) {
    MethodNode m = find(cn, name);
    assertNotNull(m, name + " in " + cn.name);
    return m;
  }

  private static MethodNode find(ClassNode cn, String name) {
    for (MethodNode m : cn.methods) {
      if (m.name.equals(name)) {
        return m;
      }
    }
    return null;
  }

  /**
   * {@code class warm.Up { @Jit static long m(int, long) {...} static void n() {} }}, where
   * {@code m} branches (so has a frame, with types) and {@code n} is copied as it is.
   */
  static byte[] branchingClass() {
    ClassWriter cw = new ClassWriter(0);
    cw.visit(Opcodes.V11, Opcodes.ACC_SUPER, "warm/Up", null, "java/lang/Object", null);
    MethodVisitor m = cw.visitMethod(Opcodes.ACC_STATIC, "m", "(IJ)J", null, null);
    m.visitAnnotation(Selection.JIT_DESCRIPTOR, true).visitEnd();
    m.visitCode();
    org.objectweb.asm.Label positive = new org.objectweb.asm.Label();
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
}
