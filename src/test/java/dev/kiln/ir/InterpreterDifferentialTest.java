package dev.kiln.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.kiln.e2e.InputGenerator;
import dev.kiln.e2e.StaticState;
import dev.kiln.e2e.Tries;
import dev.kiln.e2e.Values;
import dev.kiln.e2e.objects.ObjectCorpora;
import dev.kiln.e2e.objects.ObjectInputs;
import dev.kiln.e2e.objects.ObjectValues;
import dev.kiln.frontend.IrMethod;
import dev.kiln.frontend.IrPrinter;
import dev.kiln.ir.corpus.IrCorpus;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import dev.kiln.frontend.UnsupportedBytecodeError;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.objectweb.asm.Type;

/**
 * The frontend against the JVM: every static method of the e2e corpus (all classes of
 * {@code dev.kiln.e2e.corpus}, found by listing the compiled test classes, so new corpus
 * classes join by themselves) and of {@link IrCorpus} runs as the original (reflection) and
 * as its IR in {@link IrInterpreter}, on the same generated inputs (the e2e
 * {@link InputGenerator}, fixed seed, edge-heavy; {@code @Range}/{@code @Size}/{@code @NonNull}
 * honoured). Results must be equal ({@link Values#same}: {@code Double.equals} semantics),
 * exceptions of the same class with the same message (NullPointerException: class only) and
 * the same cause chain, arrays passed in equal afterwards, static fields equal afterwards.
 *
 * <p>The object-model corpus ({@code ObjectCorpora.DIFFERENTIAL}, static and instance
 * methods, nested classes included) runs the same way on the object suite's inputs and
 * equality; for a virtual method the interpreter runs the override the receiver's class has.
 *
 * <p>Inputs on which the interpreter exceeds its step or nesting limit, or the original
 * overflows its stack or throws one of HotSpot's message-less preallocated exceptions, give no
 * verdict and are counted, not compared ({@code -Dkiln.ir.verbose=true} prints the counts).
 * Each method runs on its own thread with a large stack, so deep interpreted recursion fits.
 */
class InterpreterDifferentialTest {
  static final String CORPUS_PACKAGE = "dev.kiln.e2e.corpus";
  static final int DEFAULT_TRIES = 120;
  static final int OBJECT_TRIES = InputGenerator.scaled(60);
  static final String SKIP = "not built by the frontend: ";
  /** Enough for {@link IrInterpreter#depthLimit} interpreted frames; small enough that an
   * original recursing without bound overflows quickly. */
  static final long THREAD_STACK = 64L << 20;
  static final long METHOD_TIMEOUT_MS = 120_000;

  /** Top-level classes of {@code pkg} compiled into the directory the test classes live in. */
  static List<Class<?>> classesIn(String pkg) {
    String dir = pkg.replace('.', '/');
    URL url = InterpreterDifferentialTest.class.getClassLoader().getResource(dir);
    if (url == null || !url.getProtocol().equals("file")) {
      return List.of();
    }
    List<Class<?>> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(Paths.get(url.toURI()))) {
      for (Path p : (Iterable<Path>) files.sorted()::iterator) {
        String f = p.getFileName().toString();
        if (f.endsWith(".class") && !f.contains("$") && !f.equals("package-info.class")) {
          out.add(Class.forName(pkg + "." + f.substring(0, f.length() - 6)));
        }
      }
    } catch (IOException | URISyntaxException | ClassNotFoundException e) {
      throw new AssertionError("cannot list " + pkg + ": " + e, e);
    }
    return out;
  }

  /** The corpus: the e2e corpus classes, then this package's own. */
  static List<Class<?>> corpusClasses() {
    List<Class<?>> out = new ArrayList<>(classesIn(CORPUS_PACKAGE));
    out.add(IrCorpus.class);
    return out;
  }

  /** The static methods of {@code c} the generator can feed: primitives and arrays. */
  static List<Method> staticMethods(Class<?> c) {
    List<Method> out = new ArrayList<>();
    for (Method m : c.getDeclaredMethods()) {
      if (!Modifier.isStatic(m.getModifiers()) || m.isSynthetic()) {
        continue;
      }
      boolean fed = Arrays.stream(m.getParameterTypes())
          .allMatch(t -> t.isPrimitive() || t.isArray());
      if (fed) {
        m.setAccessible(true);
        out.add(m);
      }
    }
    out.sort(Comparator.comparing(Method::getName)
        .thenComparing(m -> Arrays.toString(m.getParameterTypes())));
    return out;
  }

  static String display(Method m) {
    return m.getDeclaringClass().getSimpleName() + "." + m.getName() + "("
        + Arrays.stream(m.getParameterTypes()).map(Class::getSimpleName)
            .reduce((a, b) -> a + ", " + b).orElse("") + ")";
  }

  /** How one corpus's values are compared and shown: plain (primitives, arrays) or objects. */
  record Flavor(BiPredicate<Object, Object> same, Function<Object, String> show,
                Function<Object[], String> showArgs) {}

  static final Flavor PLAIN = new Flavor(Values::same, Values::show, Values::showArgs);
  static final Flavor OBJECTS = new Flavor(InterpreterDifferentialTest::sameObjects,
      ObjectValues::show, ObjectValues::showArgs);

  /**
   * The object suite's equality, except that two lambda objects are the same when they
   * implement the same interfaces and capture the same values: the interpreter links its own
   * call site, so its lambdas are of another (equivalent) hidden class than the original's.
   */
  static boolean sameObjects(Object a, Object b) {
    if (a != null && b != null && a.getClass() != b.getClass() && isLambda(a) && isLambda(b)
        && Arrays.equals(a.getClass().getInterfaces(), b.getClass().getInterfaces())) {
      java.lang.reflect.Field[] fa = a.getClass().getDeclaredFields();
      java.lang.reflect.Field[] fb = b.getClass().getDeclaredFields();
      if (fa.length != fb.length) {
        return false;
      }
      try {
        for (int i = 0; i < fa.length; i++) {
          fa[i].setAccessible(true);
          fb[i].setAccessible(true);
          if (!ObjectValues.same(fa[i].get(a), fb[i].get(b))) {
            return false;
          }
        }
      } catch (ReflectiveOperationException | RuntimeException e) {
        return false;
      }
      return true;
    }
    return ObjectValues.same(a, b);
  }

  static boolean isLambda(Object o) {
    return o.getClass().isHidden() && o.getClass().getName().contains("$$Lambda");
  }

  /** What one run did. */
  record Outcome(Object result, Throwable thrown, Object[] argsAfter, Map<String, Object> statics) {
    String describe(Flavor f) {
      return thrown != null ? "threw " + chain(thrown) : "returned " + f.show().apply(result);
    }
  }

  static String chain(Throwable t) {
    StringBuilder sb = new StringBuilder();
    for (Throwable c = t; c != null; c = c.getCause()) {
      sb.append(sb.length() == 0 ? "" : " <- caused by ").append(Values.showThrowable(c));
      if (c.getCause() == c) {
        break;
      }
    }
    return sb.toString();
  }

  /** Runs {@code m} by reflection; {@code args} start with the receiver for instance methods. */
  static Outcome original(Method m, Object[] args, StaticState statics) {
    boolean isStatic = Modifier.isStatic(m.getModifiers());
    Object receiver = isStatic ? null : args[0];
    Object[] rest = isStatic ? args : Arrays.copyOfRange(args, 1, args.length);
    try {
      return new Outcome(m.invoke(receiver, rest), null, args, statics.capture());
    } catch (InvocationTargetException e) {
      return new Outcome(null, e.getCause(), args, statics.capture());
    } catch (IllegalAccessException e) {
      throw new AssertionError(e);
    }
  }

  /**
   * The method the JVM runs for {@code m} on {@code args}: for a virtual call, the override in
   * the receiver's class nearest to it (the interpreter runs one method's IR, and
   * {@code Method.invoke} dispatches).
   */
  static Method implementation(Method m, Object[] args) {
    int mod = m.getModifiers();
    if (Modifier.isStatic(mod) || Modifier.isPrivate(mod) || args[0] == null) {
      return m;
    }
    for (Class<?> c = args[0].getClass(); c != null; c = c.getSuperclass()) {
      try {
        Method o = c.getDeclaredMethod(m.getName(), m.getParameterTypes());
        if (!Modifier.isAbstract(o.getModifiers()) && !Modifier.isStatic(o.getModifiers())) {
          o.setAccessible(true);
          return o;
        }
      } catch (NoSuchMethodException e) {
        // look further up
      }
      if (c == m.getDeclaringClass()) {
        break;
      }
    }
    return m;
  }

  static Outcome interpreted(Map<Class<?>, IrInterpreter> interpreters, Method m, Object[] args,
                             StaticState statics) {
    Method impl = implementation(m, args);
    IrInterpreter in = interpreters.computeIfAbsent(impl.getDeclaringClass(),
        InterpreterDifferentialTest::interpreter);
    try {
      return new Outcome(in.invoke(impl, args), null, args, statics.capture());
    } catch (IrInterpreter.Failure f) {
      throw f;
    } catch (Throwable t) {
      return new Outcome(null, t, args, statics.capture());
    }
  }

  /** Whether {@code t} is, or was caused by, a StackOverflowError: depths differ, no verdict. */
  static boolean overflowed(Throwable t) {
    for (int i = 0; t != null && i < 1_000_000; i++, t = t.getCause()) {
      if (t instanceof StackOverflowError) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the original threw one of HotSpot's preallocated implicit exceptions (no message,
   * no stack trace: {@code OmitStackTraceInFastThrow}, once its code is hot and compiled): its
   * message is lost, so the outcome cannot be compared.
   */
  static boolean isFastThrow(Throwable t) {
    return t != null && t.getMessage() == null && t.getStackTrace().length == 0
        && (t instanceof ArithmeticException || t instanceof ArrayIndexOutOfBoundsException
            || t instanceof ArrayStoreException || t instanceof ClassCastException
            || t instanceof NullPointerException);
  }

  /** Differences between the two outcomes, one line each. */
  static List<String> compare(Flavor f, Outcome expected, Outcome actual) {
    List<String> diffs = new ArrayList<>();
    if (expected.thrown() == null && actual.thrown() == null) {
      if (!f.same().test(expected.result(), actual.result())) {
        diffs.add("result: expected " + f.show().apply(expected.result()) + ", interpreted "
            + f.show().apply(actual.result()));
      }
    } else {
      Throwable e = expected.thrown();
      Throwable a = actual.thrown();
      for (int depth = 0; (e != null || a != null) && depth < 8; depth++) {
        if (e == null || a == null || e.getClass() != a.getClass()
            || !(e instanceof NullPointerException)
            && !Objects.equals(e.getMessage(), a.getMessage())) {
          diffs.add("outcome: expected " + expected.describe(f) + ", interpreted "
              + actual.describe(f));
          break;
        }
        e = e.getCause();
        a = a.getCause();
      }
    }
    for (int i = 0; i < expected.argsAfter().length; i++) {
      if (!f.same().test(expected.argsAfter()[i], actual.argsAfter()[i])) {
        diffs.add("argument " + i + " afterwards: expected "
            + f.show().apply(expected.argsAfter()[i]) + ", interpreted "
            + f.show().apply(actual.argsAfter()[i]));
      }
    }
    String statics = StaticState.diff(expected.statics(), actual.statics());
    if (!statics.isEmpty()) {
      diffs.add("static fields afterwards:" + statics);
    }
    return diffs;
  }

  static int tries(Method m) {
    Tries t = m.getAnnotation(Tries.class);
    return InputGenerator.scaled(t == null ? DEFAULT_TRIES : Math.min(t.value(), DEFAULT_TRIES));
  }

  /**
   * Checks one method on its inputs (each supplier makes a fresh, equal argument list, receiver
   * first for instance methods); returns a report of the disagreements, or null.
   */
  static String check(Method m, List<Supplier<Object[]>> inputs, Flavor f) {
    IrInterpreter in = interpreter(m.getDeclaringClass());
    Map<Class<?>, IrInterpreter> interpreters = new java.util.HashMap<>();
    interpreters.put(m.getDeclaringClass(), in);
    // build (and verify) up front, so a frontend or verifier failure is reported as such
    IrMethod ir = in.ir(m.getName(), Type.getMethodDescriptor(m));
    StaticState statics = new StaticState(m.getDeclaringClass());
    Map<String, Object> initial = statics.capture();
    StringBuilder report = new StringBuilder();
    int failures = 0;
    int noVerdict = 0;
    try {
      for (int k = 0; k < inputs.size(); k++) {
        Object[] shown = inputs.get(k).get();
        String args = f.showArgs().apply(shown);
        statics.restore(initial);
        Outcome actual;
        try {
          actual = interpreted(interpreters, m, inputs.get(k).get(), statics);
        } catch (IrInterpreter.LimitExceeded e) {
          noVerdict++;
          continue;
        } catch (IrInterpreter.Failure e) {
          throw new AssertionError(display(m) + " input #" + k + " " + args
              + ": the interpreter failed: " + e.getMessage(), e);
        }
        statics.restore(initial);
        Outcome expected = original(m, inputs.get(k).get(), statics);
        if (overflowed(expected.thrown()) || isFastThrow(expected.thrown())) {
          noVerdict++;
          continue;
        }
        List<String> diffs = compare(f, expected, actual);
        if (!diffs.isEmpty() && ++failures <= 3) {
          report.append("\n  input #").append(k).append(' ').append(args)
              .append("\n    original    ").append(expected.describe(f))
              .append("\n    interpreted ").append(actual.describe(f));
          for (String d : diffs) {
            report.append("\n    ").append(d);
          }
        }
      }
    } finally {
      statics.restore(initial);
    }
    if (Boolean.getBoolean("kiln.ir.verbose")) {
      System.out.printf("%-60s %4d compared, %3d without verdict, %9d statements%n", display(m),
          inputs.size() - noVerdict, noVerdict,
          interpreters.values().stream().mapToLong(IrInterpreter::totalSteps).sum());
    }
    if (noVerdict == inputs.size() && !inputs.isEmpty()) {
      return display(m) + ": no input gave a verdict (all " + noVerdict
          + " hit the interpreter's limits or overflowed the original's stack)";
    }
    if (failures == 0) {
      return null;
    }
    return display(m) + " [seed " + InputGenerator.SEED + "]: the interpreted IR differs from "
        + "the original on " + failures + " of " + inputs.size() + " inputs" + report
        + (failures > 3 ? "\n  ... and " + (failures - 3) + " more" : "")
        + "\n" + IrPrinter.print(ir);
  }

  /** Statements one interpreted call may run: ample for every corpus method on its inputs
   * (the largest use a few hundred thousand); more gives no verdict. */
  static final long STEP_LIMIT = 2_000_000;

  static IrInterpreter interpreter(Class<?> owner) {
    IrInterpreter in = new IrInterpreter(owner);
    in.stepLimit = STEP_LIMIT;
    return in;
  }

  /** Plain inputs: each run gets its own deep copy. */
  static List<Supplier<Object[]>> plainInputs(Method m) {
    List<Supplier<Object[]>> out = new ArrayList<>();
    for (Object[] args : InputGenerator.inputs(m, tries(m))) {
      out.add(() -> Values.deepCopyAll(args));
    }
    return out;
  }

  /** Runs {@code body} on a fresh thread with a large stack; rethrows what it threw. */
  static <T> T onBigStack(String name, java.util.concurrent.Callable<T> body) throws Throwable {
    AtomicReference<T> result = new AtomicReference<>();
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread t = new Thread(null, () -> {
      try {
        result.set(body.call());
      } catch (Throwable e) {
        thrown.set(e);
      }
    }, name, THREAD_STACK);
    t.setDaemon(true);
    t.start();
    t.join(METHOD_TIMEOUT_MS);
    if (t.isAlive()) {
      fail(name + " did not finish in " + METHOD_TIMEOUT_MS / 1000 + " s");
    }
    if (thrown.get() != null) {
      throw thrown.get();
    }
    return result.get();
  }

  @TestFactory
  List<DynamicNode> interpretedIrAgreesWithOriginal() {
    List<DynamicNode> containers = new ArrayList<>();
    for (Class<?> owner : corpusClasses()) {
      List<DynamicNode> tests = new ArrayList<>();
      for (Method m : staticMethods(owner)) {
        tests.add(DynamicTest.dynamicTest(display(m), () -> {
          String report = onBigStack("interpret " + display(m),
              () -> check(m, plainInputs(m), PLAIN));
          if (report != null) {
            fail(report);
          }
        }));
      }
      if (!tests.isEmpty()) {
        containers.add(DynamicContainer.dynamicContainer(owner.getSimpleName(), tests));
      }
    }
    return containers;
  }

  /**
   * The classes of the object-model differential corpus ({@link ObjectCorpora#DIFFERENTIAL}:
   * the package also holds classes for other tests, such as refusals), nested classes included.
   */
  static List<Class<?>> objectCorpusClasses() {
    List<Class<?>> out = new ArrayList<>();
    ArrayDeque<Class<?>> work = new ArrayDeque<>(ObjectCorpora.DIFFERENTIAL);
    while (!work.isEmpty()) {
      Class<?> c = work.poll();
      out.add(c);
      work.addAll(Arrays.asList(c.getDeclaredClasses()));
    }
    return out;
  }

  /**
   * The methods with code of an object-corpus class, static and instance, that the object
   * generator can feed; the rest are named in {@code skipped}.
   */
  static List<Method> objectMethods(Class<?> c, List<String> skipped) {
    List<Method> out = new ArrayList<>();
    for (Method m : c.getDeclaredMethods()) {
      int mod = m.getModifiers();
      if (m.isSynthetic() || m.isBridge() || Modifier.isAbstract(mod) || Modifier.isNative(mod)
          || Arrays.asList(m.getParameterTypes()).contains(java.util.Random.class)) {
        continue; // Random: the generator's own samplers
      }
      try {
        ObjectInputs.inputs(m, 1).get(0).fresh();
      } catch (RuntimeException e) {
        skipped.add(display(m) + ": " + e.getMessage());
        continue;
      }
      m.setAccessible(true);
      out.add(m);
    }
    out.sort(Comparator.comparing(Method::getName)
        .thenComparing(m -> Arrays.toString(m.getParameterTypes())));
    return out;
  }

  /**
   * The object-model corpus ({@code dev.kiln.e2e.objects.corpus}): strings, boxing, records,
   * enums, lambdas, monitors, virtual calls. Only the method under test is interpreted (with
   * the static and private methods of its class it calls); objects it meets run for real.
   * Inputs come from the object suite's generator and are compared with its equality.
   */
  @TestFactory
  List<DynamicNode> objectCorpusInterpretedAgreesWithOriginal() {
    List<DynamicNode> containers = new ArrayList<>();
    for (Class<?> owner : objectCorpusClasses()) {
      List<String> skipped = new ArrayList<>();
      List<DynamicNode> tests = new ArrayList<>();
      for (Method m : objectMethods(owner, skipped)) {
        tests.add(DynamicTest.dynamicTest(display(m), () -> {
          String report = onBigStack("interpret " + display(m), () -> {
            List<Supplier<Object[]>> inputs = new ArrayList<>();
            for (ObjectInputs.Input i : ObjectInputs.inputs(m, OBJECT_TRIES)) {
              inputs.add(i::fresh);
            }
            try {
              return check(m, inputs, OBJECTS);
            } catch (UnsupportedBytecodeError e) {
              // the object corpus holds constructs the frontend refuses on purpose
              // (ErrorCorpus); refusals of valid javac output get their own tests
              return SKIP + e.getMessage();
            }
          });
          Assumptions.assumeFalse(report != null && report.startsWith(SKIP), report);
          if (report != null) {
            fail(report);
          }
        }));
      }
      if (Boolean.getBoolean("kiln.ir.verbose") && !skipped.isEmpty()) {
        System.out.println("not fed: " + skipped);
      }
      if (!tests.isEmpty()) {
        containers.add(DynamicContainer.dynamicContainer(owner.getName()
            .substring(owner.getPackageName().length() + 1), tests));
      }
    }
    return containers;
  }

  /** The corpus is found (a broken listing must not pass silently with nothing to check). */
  @Test
  void corpusIsFound() {
    List<Class<?>> classes = classesIn(CORPUS_PACKAGE);
    assertTrue(classes.size() >= 5, "e2e corpus classes found: " + classes);
    long methods = corpusClasses().stream().mapToLong(c -> staticMethods(c).size()).sum();
    assertTrue(methods >= 100, "only " + methods + " corpus methods");
  }

  /** The interpreter's boundary conversions and a few semantics, directly. */
  @Test
  void interpreterBasics() throws Throwable {
    IrInterpreter in = new IrInterpreter(IrCorpus.class);
    assertEquals(IrCorpus.conversions(Double.NaN, Float.POSITIVE_INFINITY, Long.MIN_VALUE, -1),
        in.invoke("conversions", "(DFJI)J", Double.NaN, Float.POSITIVE_INFINITY, Long.MIN_VALUE,
            -1));
    assertEquals(IrCorpus.concat(7, -1L, -0.0f, Double.NaN, '\u00e9', true, (byte) -5,
            (short) 300, null),
        in.invoke("concat", "(IJFDCZBS[I)Ljava/lang/String;", 7, -1L, -0.0f, Double.NaN,
            '\u00e9', true, (byte) -5, (short) 300, null));
    ClassCastException cce = org.junit.jupiter.api.Assertions.assertThrows(
        ClassCastException.class, () -> in.invoke("casts", "(I)I", 3));
    ClassCastException real = org.junit.jupiter.api.Assertions.assertThrows(
        ClassCastException.class, () -> IrCorpus.casts(3));
    assertEquals(real.getMessage(), cce.getMessage());
  }
}
