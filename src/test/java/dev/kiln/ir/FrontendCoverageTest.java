package dev.kiln.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.e2e.Values;
import dev.kiln.frontend.IrMethod;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.objectweb.asm.Type;

/**
 * Shapes of javac output the frontend must build (and the verifier accept), each checked by
 * running its IR against the original on a few inputs. These are the shapes the larger corpora
 * found refused or mis-built; each stays here, small, once fixed.
 */
class FrontendCoverageTest {
  /** The methods under test. */
  static final class Shapes {
    private Shapes() {}

    static final class Holder {
      final int size;

      Holder(int size) {
        this.size = size;
      }
    }

    record Flag(boolean on, int value) {}

    static final class Resource implements AutoCloseable {
      final StringBuilder log;
      final String name;

      Resource(StringBuilder log, String name, boolean fail) {
        if (fail) {
          throw new IllegalStateException("open " + name);
        }
        this.log = log;
        this.name = name;
        log.append("open ").append(name).append(';');
      }

      @Override
      public void close() {
        log.append("close ").append(name).append(';');
      }
    }

    /** The uninitialized object waits on the stack while a ternary computes the argument. */
    static int newWithTernaryArgument(int[] data) {
      Holder h = new Holder(data == null ? -1 : data.length);
      return h.size * 2;
    }

    /** The constructed object is returned at once: the stack's other copy of the `new` must
     * become the constructed object too. */
    static Flag returnNewWithBranch(int x) {
      return new Flag(x > 0, x > 5 ? x : -x);
    }

    /** {@code x != 0} as an argument is a branch too. */
    static int newWithBooleanArgument(int x) {
      Flag f = new Flag(x != 0, x);
      return f.on() ? f.value() : -1;
    }

    /** Two uninitialized objects on the stack at once, each with a branch in its arguments. */
    static int nestedNewsWithBranches(int x) {
      return new Holder(new Holder(x > 0 ? x : -x).size * (x > 5 ? 2 : 3)).size;
    }

    /** A new in a loop whose argument branches, and a new inside a try. */
    static int newInLoopAndTry(int n) {
      int s = 0;
      for (int i = 0; i < (n & 15); i++) {
        try {
          s += new Holder(i % 3 == 0 ? 10 / (i - 3) : i).size;
        } catch (ArithmeticException e) {
          s -= 100;
        }
      }
      return s;
    }

    /** try-with-resources: constructors with boolean arguments, suppressed exceptions. */
    static String tryWithResources(int x) {
      StringBuilder log = new StringBuilder();
      try (Resource a = new Resource(log, "a", (x & 1) != 0);
           Resource b = new Resource(log, "b", (x & 2) != 0)) {
        log.append("body;");
        if ((x & 4) != 0) {
          throw new IllegalArgumentException("body");
        }
      } catch (RuntimeException e) {
        log.append("caught ").append(e.getMessage());
      }
      return log.toString();
    }
  }

  static final Object[][] INTS = {{0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}, {-1}, {-8}, {9},
      {Integer.MIN_VALUE}, {Integer.MAX_VALUE}};

  static List<Object[]> inputs(Method m) {
    if (m.getParameterTypes()[0] == int[].class) {
      return List.of(new Object[] {null}, new Object[] {new int[0]},
          new Object[] {new int[] {1, 2, 3}});
    }
    return List.of(INTS);
  }

  @TestFactory
  List<DynamicTest> builtVerifiedAndAgreeingWithTheOriginal() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Method m : Shapes.class.getDeclaredMethods()) {
      if (m.isSynthetic()) {
        continue;
      }
      m.setAccessible(true);
      tests.add(DynamicTest.dynamicTest(m.getName(), () -> {
        // builds and verifies
        IrMethod ir = IrInterpreter.build(Shapes.class, m.getName(),
            Type.getMethodDescriptor(m));
        assertTrue(ir.blocks().size() > 1);
        IrInterpreter in = new IrInterpreter(Shapes.class);
        for (Object[] args : inputs(m)) {
          Object expected;
          try {
            expected = m.invoke(null, Values.deepCopyAll(args));
          } catch (InvocationTargetException e) {
            expected = e.getCause().getClass().getName() + ": " + e.getCause().getMessage();
          }
          Object actual;
          try {
            actual = in.invoke(m, Values.deepCopyAll(args));
          } catch (IrInterpreter.Failure f) {
            throw f;
          } catch (Throwable t) {
            actual = t.getClass().getName() + ": " + t.getMessage();
          }
          assertEquals(Values.show(expected), Values.show(actual),
              m.getName() + Values.showArgs(args));
        }
      }));
    }
    return tests;
  }
}
