package dev.kiln.ir;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.kiln.e2e.InputGenerator;
import dev.kiln.e2e.StaticState;
import dev.kiln.e2e.Values;
import dev.kiln.e2e.objects.ObjectInputs;
import dev.kiln.frontend.UnsupportedBytecodeError;
import dev.kiln.frontend.IrMethod;
import dev.kiln.typing.ArrayType;
import dev.kiln.typing.CallResolver;
import dev.kiln.typing.InstanceType;
import dev.kiln.typing.KType;
import dev.kiln.typing.NullType;
import dev.kiln.typing.Prim;
import dev.kiln.typing.TypedMethod;
import dev.kiln.typing.Typeof;
import dev.kiln.typing.Typer;
import dev.kiln.typing.TypingContext;
import dev.kiln.typing.TypingError;
import dev.kiln.typing.Types;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.objectweb.asm.Type;

/**
 * Typing checked against execution, apart from lowering: for every static corpus method and
 * generated input, the argument types are taken as the dispatcher takes them (a primitive
 * parameter its declared type; a reference its value's exact class unless null or the
 * declared type is exact), {@link Typer#infer} types the IR, and the {@link IrInterpreter} runs
 * it, checking every value as it is defined against its inferred type: a {@code boolean} holds
 * 0 or 1, a {@code byte} a value in byte range, a {@code char} one in char range, an
 * {@code int[]} an {@code int[]} (or null), an exact instance type exactly its class (or null),
 * {@code null} only null. A value outside its type is a typing bug that lowering would turn
 * into wrong code.
 */
class TypingSoundnessTest {
  static final int TRIES = InputGenerator.scaled(60);

  /** The key of one argument, as the dispatcher computes it ({@code ArgumentTypes.of}). */
  static KType argumentType(Class<?> declared, Object value) {
    if (declared.isPrimitive()) {
      return Prim.of(declared);
    }
    KType d = KType.of(declared);
    if (value == null || d.isExact()) {
      return d;
    }
    KType t = Typeof.typeof(value);
    return t instanceof Prim ? InstanceType.exact(value.getClass()) : t;
  }

  /** Whether the JVM value {@code v} (ints for every int-like type) is a value of {@code t}. */
  static boolean conforms(KType t, Object v) {
    if (t instanceof Prim p) {
      return switch (p) {
        case BOOLEAN -> v instanceof Integer i && (i == 0 || i == 1);
        case BYTE -> v instanceof Integer i && i == (byte) (int) i;
        case CHAR -> v instanceof Integer i && i == (char) (int) i;
        case SHORT -> v instanceof Integer i && i == (short) (int) i;
        case INT -> v instanceof Integer;
        case LONG -> v instanceof Long;
        case FLOAT -> v instanceof Float;
        case DOUBLE -> v instanceof Double;
        case VOID -> false;
      };
    }
    if (t instanceof NullType) {
      return v == null;
    }
    if (v == null) {
      return true;
    }
    if (t instanceof ArrayType a) {
      return a.isExact() ? v.getClass() == a.toClass() : a.toClass().isInstance(v);
    }
    if (t instanceof InstanceType i) {
      return i.isExact() ? v.getClass() == i.cls() : i.cls().isInstance(v);
    }
    throw new IllegalArgumentException("unknown type " + t);
  }

  /** The interpreters and typed methods of one test, by implementation and argument types. */
  static final class Cache {
    final Map<Class<?>, IrInterpreter> interpreters = new java.util.HashMap<>();
    final Map<Method, Map<List<KType>, TypedMethod>> typed = new java.util.HashMap<>();
  }

  /**
   * Checks one method on its inputs (fresh argument lists, receiver first for instance
   * methods); returns a report of ill-typed values, or null.
   */
  static String check(Method m, List<Supplier<Object[]>> inputs) {
    Cache cache = new Cache();
    StaticState statics = new StaticState(m.getDeclaringClass());
    Map<String, Object> initial = statics.capture();
    List<String> problems = new ArrayList<>();
    int runs = 0;
    try {
      for (Supplier<Object[]> input : inputs) {
        Object[] args = input.get();
        Method impl = InterpreterDifferentialTest.implementation(m, args);
        Class<?> owner = impl.getDeclaringClass();
        IrInterpreter in = cache.interpreters.computeIfAbsent(owner,
            InterpreterDifferentialTest::interpreter);
        IrMethod ir = in.ir(impl.getName(), Type.getMethodDescriptor(impl));
        List<Class<?>> declared = new ArrayList<>();
        if (!Modifier.isStatic(impl.getModifiers())) {
          declared.add(owner);
        }
        declared.addAll(List.of(impl.getParameterTypes()));
        List<KType> key = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
          key.add(argumentType(declared.get(i), args[i]));
        }
        Map<List<KType>, TypedMethod> byKey = cache.typed.computeIfAbsent(impl,
            k -> new LinkedHashMap<>());
        TypedMethod tm = byKey.get(key);
        if (tm == null) {
          try {
            tm = Typer.infer(ir, key, TypingContext.standard(), owner.getClassLoader(),
                CallResolver.ORIGINAL);
          } catch (TypingError e) {
            return SKIP + InterpreterDifferentialTest.display(impl) + key + ": " + e.getMessage();
          }
          byKey.put(key, tm);
        }
        TypedMethod t = tm;
        int run = runs;
        in.observer = (frame, v, value) -> {
          if (frame == ir && problems.size() < 5) {
            KType want = t.types().get(v);
            if (want == null) {
              problems.add(v + " has no type (" + t.signature() + ")");
            } else if (!conforms(want, value)) {
              problems.add(v + ":" + want + " = " + Values.show(value) + " (a "
                  + (value == null ? "null" : value.getClass().getName()) + ") on input "
                  + run + " (" + t.signature() + ")\n" + t.print());
            }
          }
        };
        statics.restore(initial);
        try {
          in.invoke(impl, args);
          runs++;
        } catch (IrInterpreter.LimitExceeded e) {
          // no verdict on this input
        } catch (IrInterpreter.Failure f) {
          throw f;
        } catch (Throwable thrown) {
          runs++; // exceptions are outcomes too; the values before them were checked
        } finally {
          in.observer = null;
        }
      }
    } finally {
      statics.restore(initial);
    }
    if (!problems.isEmpty()) {
      return InterpreterDifferentialTest.display(m) + ": values outside their inferred types:\n  "
          + String.join("\n  ", problems);
    }
    return runs == 0 ? InterpreterDifferentialTest.display(m) + ": no run finished" : null;
  }

  static final String SKIP = "not typed: ";

  static DynamicTest test(Method m, java.util.concurrent.Callable<List<Supplier<Object[]>>> inputs) {
    return DynamicTest.dynamicTest(InterpreterDifferentialTest.display(m), () -> {
      String report = InterpreterDifferentialTest.onBigStack("type-check " + m.getName(), () -> {
        try {
          return check(m, inputs.call());
        } catch (UnsupportedBytecodeError e) {
          return SKIP + e.getMessage();
        }
      });
      Assumptions.assumeFalse(report != null && report.startsWith(SKIP), report);
      if (report != null) {
        fail(report);
      }
    });
  }

  @TestFactory
  List<DynamicNode> valuesStayWithinTheirInferredTypes() {
    List<DynamicNode> containers = new ArrayList<>();
    for (Class<?> owner : InterpreterDifferentialTest.corpusClasses()) {
      List<DynamicNode> tests = new ArrayList<>();
      for (Method m : InterpreterDifferentialTest.staticMethods(owner)) {
        tests.add(test(m, () -> {
          List<Supplier<Object[]>> out = new ArrayList<>();
          for (Object[] args : InputGenerator.inputs(m, TRIES)) {
            out.add(() -> Values.deepCopyAll(args));
          }
          return out;
        }));
      }
      if (!tests.isEmpty()) {
        containers.add(DynamicContainer.dynamicContainer(owner.getSimpleName(), tests));
      }
    }
    return containers;
  }

  /** The object-model corpus: instance types, exactness, joins of classes and interfaces. */
  @TestFactory
  List<DynamicNode> objectValuesStayWithinTheirInferredTypes() {
    List<DynamicNode> containers = new ArrayList<>();
    for (Class<?> owner : InterpreterDifferentialTest.objectCorpusClasses()) {
      List<DynamicNode> tests = new ArrayList<>();
      for (Method m : InterpreterDifferentialTest.objectMethods(owner, new ArrayList<>())) {
        tests.add(test(m, () -> {
          List<Supplier<Object[]>> out = new ArrayList<>();
          for (ObjectInputs.Input i : ObjectInputs.inputs(m, TRIES)) {
            out.add(i::fresh);
          }
          return out;
        }));
      }
      if (!tests.isEmpty()) {
        containers.add(DynamicContainer.dynamicContainer(owner.getName()
            .substring(owner.getPackageName().length() + 1), tests));
      }
    }
    return containers;
  }

  @Test
  void conformanceRules() {
    assertTrue(conforms(Prim.BOOLEAN, 1));
    assertTrue(!conforms(Prim.BOOLEAN, 2));
    assertTrue(conforms(Prim.BYTE, -128) && !conforms(Prim.BYTE, 128));
    assertTrue(conforms(Prim.CHAR, 65535) && !conforms(Prim.CHAR, -1));
    assertTrue(conforms(ArrayType.of(Prim.INT), new int[0]) && conforms(ArrayType.of(Prim.INT),
        null) && !conforms(ArrayType.of(Prim.INT), new long[0]));
    assertTrue(conforms(InstanceType.exact(String.class), "s")
        && !conforms(InstanceType.exact(Object.class), "s")
        && conforms(InstanceType.OBJECT, "s"));
    assertTrue(conforms(NullType.NULL, null) && !conforms(NullType.NULL, "s"));
  }
}
