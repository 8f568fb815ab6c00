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
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.util.CheckClassAdapter;

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
      transformer = new KilnTransformer(KilnAgent.byteBuddyTransformer(args), args);
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
    StringWriter sw = new StringWriter();
    CheckClassAdapter.verify(new ClassReader(out), getClass().getClassLoader(), false,
        new PrintWriter(sw));
    assertEquals("", sw.toString());
    ClassNode before = node(original(Kernels.class.getName()));
    ClassNode after = node(out);
    for (String m : List.of("dot", "triangle", "clampedSum")) {
      MethodNode orig = method(before, m);
      MethodNode stub = method(after, m);
      MethodNode copy = method(after, m + "$kiln$original");
      assertEquals(orig.desc, copy.desc);
      assertEquals(orig.instructions.size(), copy.instructions.size(), m);
      assertTrue((copy.access & Modifier.PRIVATE) != 0 && (copy.access & 0x1000) != 0, m);
      assertEquals(orig.access & Modifier.STATIC, copy.access & Modifier.STATIC);
      assertEquals(orig.access & ~Modifier.SYNCHRONIZED, stub.access, m);
      assertEquals(1, stub.visibleAnnotations.size(), m);
      assertEquals("Ldev/kiln/Jit;", stub.visibleAnnotations.get(0).desc);
      assertNull(copy.visibleAnnotations, m);
    }
    assertEquals(Modifier.SYNCHRONIZED,
        method(after, "clampedSum$kiln$original").access & Modifier.SYNCHRONIZED);
    assertEquals(method(before, "plainHelper").instructions.size(),
        method(after, "plainHelper").instructions.size());
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
    // garbage that names @Jit: ByteBuddy cannot parse it, the class is left as it is
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
}
