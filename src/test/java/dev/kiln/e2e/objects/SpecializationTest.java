package dev.kiln.e2e.objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.Dispatcher;
import dev.kiln.Kiln;
import dev.kiln.e2e.Corpora;
import dev.kiln.e2e.objects.corpus.AnimalCorpus;
import dev.kiln.e2e.objects.corpus.ShapeCorpus;
import dev.kiln.e2e.objects.corpus.ShapeCorpus.Circle;
import dev.kiln.e2e.objects.corpus.ShapeCorpus.Rect;
import dev.kiln.e2e.objects.corpus.ShapeCorpus.Shape;
import dev.kiln.e2e.objects.corpus.ShapeCorpus.Square;
import dev.kiln.e2e.objects.corpus.SpecializationCorpus;
import dev.kiln.e2e.objects.corpus.SpecializationCorpus.Basic;
import dev.kiln.e2e.objects.corpus.SpecializationCorpus.Constant;
import dev.kiln.e2e.objects.corpus.SpecializationCorpus.Doubled;
import dev.kiln.e2e.objects.corpus.SpecializationCorpus.Meter;
import java.lang.invoke.MethodHandle;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Specialization on exact runtime types: a parameter declared with an interface, an abstract
 * class, {@code Number}, {@code CharSequence} or {@code Number[]} gets one compiled signature
 * per exact class of its argument, listed by {@code signatures()}; and however the calls
 * alternate between classes, through {@code invoke} or through the inline cache of
 * {@code handle()} (past its depth too), every answer is the original's.
 */
class SpecializationTest {

  private static Dispatcher fresh(Class<?> owner, String method) {
    return Kiln.jit(Corpora.lookup(owner), owner, method);
  }

  /** Exactly one signature names each class, and there are no others. */
  private static void assertOneSignatureEach(Dispatcher d, String... simpleNames) {
    List<String> sigs = d.signatures();
    assertEquals(simpleNames.length, sigs.size(), "signatures: " + sigs);
    for (String name : simpleNames) {
      long n = sigs.stream().filter(s -> mentions(s, name)).count();
      assertEquals(1, n, "signatures naming " + name + ": " + sigs);
    }
  }

  /** Whether the signature names the class (simple or binary name, {@code $} or {@code .}). */
  private static boolean mentions(String signature, String simpleName) {
    String s = signature.replace('$', '.');
    return s.matches("(?s).*(^|[^A-Za-z0-9_])" + java.util.regex.Pattern.quote(simpleName)
        + "([^A-Za-z0-9_]|$).*");
  }

  @Test
  void interfaceParameterGetsOneSignaturePerImplementation() throws Throwable {
    Dispatcher d = fresh(ShapeCorpus.class, "area");
    Shape c = new Circle(2);
    Shape s = new Square(3);
    assertEquals(c.area(), d.invoke(c));
    assertEquals(s.area(), d.invoke(s));
    assertOneSignatureEach(d, "Circle", "Square");
    assertEquals(2, d.stats().compilations());
    // the same classes again: nothing new to compile
    assertEquals(new Circle(5).area(), d.invoke(new Circle(5)));
    assertEquals(new Square(0.5).area(), d.invoke(new Square(0.5)));
    assertEquals(2, d.signatures().size(), "signatures: " + d.signatures());
    assertEquals(2, d.stats().compilations());
    assertEquals(new Rect(2, 3).area(), d.invoke(new Rect(2, 3)));
    assertOneSignatureEach(d, "Circle", "Square", "Rect");
  }

  @Test
  void numberParameterGetsOneSignaturePerBoxClass() throws Throwable {
    Dispatcher d = fresh(SpecializationCorpus.class, "asDouble");
    Number[] values = {7, 2.75, 1L << 40};
    for (Number n : values) {
      assertEquals(SpecializationCorpus.asDouble(n), d.invoke(n), "for " + n.getClass());
    }
    assertOneSignatureEach(d, "Integer", "Double", "Long");
  }

  @Test
  void numberArrayParameterGetsOneSignaturePerArrayClass() throws Throwable {
    Dispatcher d = fresh(SpecializationCorpus.class, "sum");
    Number[] ints = new Integer[] {1, 2, 3};
    Number[] doubles = new Double[] {0.5, 0.25};
    Number[] mixed = new Number[] {1, 0.5, 2L};
    assertEquals(6.0, d.invoke((Object) ints));
    assertEquals(0.75, d.invoke((Object) doubles));
    assertEquals(3.5, d.invoke((Object) mixed));
    assertEquals(3, d.signatures().size(), "signatures: " + d.signatures());
    assertTrue(d.signatures().stream().anyMatch(s -> mentions(s, "Integer")), "" + d.signatures());
    assertTrue(d.signatures().stream().anyMatch(s -> mentions(s, "Double")), "" + d.signatures());
  }

  @Test
  void charSequenceParameterGetsOneSignaturePerClass() throws Throwable {
    Dispatcher d = fresh(SpecializationCorpus.class, "length");
    for (CharSequence cs : new CharSequence[] {"abc", new StringBuilder("xy"), "", new StringBuilder()}) {
      assertEquals(SpecializationCorpus.length(cs), d.invoke(cs), "for " + cs.getClass());
    }
    assertOneSignatureEach(d, "String", "StringBuilder");
  }

  @Test
  void receiverOfAnInstanceMethodSpecializesByExactClass() throws Throwable {
    Random r = new Random(7);
    Dispatcher d = fresh(AnimalCorpus.class, "describe");
    java.util.Set<Class<?>> classes = new java.util.HashSet<>();
    for (int i = 0; i < 40; i++) {
      AnimalCorpus a = sampleAnimal(r);
      classes.add(a.getClass());
      assertEquals(a.describe(), d.invoke(a), "for a " + a.getClass().getSimpleName());
    }
    assertEquals(classes.size(), d.signatures().size(), "signatures: " + d.signatures());
    for (Class<?> c : classes) {
      assertTrue(d.signatures().stream().anyMatch(s -> mentions(s, c.getSimpleName())),
          c.getSimpleName() + " not in " + d.signatures());
    }
  }

  private static AnimalCorpus sampleAnimal(Random r) throws Exception {
    java.lang.reflect.Method m = AnimalCorpus.class.getDeclaredMethod("sample", Random.class);
    m.setAccessible(true);
    return (AnimalCorpus) m.invoke(null, r);
  }

  /** A subclass overriding the method the specialization of its superclass devirtualized:
   * the guard must test the exact class. */
  @Test
  void subclassNeverRunsItsSuperclassSpecialization() throws Throwable {
    Dispatcher d = fresh(SpecializationCorpus.class, "readTwice");
    MethodHandle h = d.handle();
    Meter[] meters = {new Basic(1.5), new Doubled(1.5), new Constant(), new Doubled(-3),
        new Basic(-3)};
    for (int round = 0; round < 50; round++) {
      for (Meter m : meters) {
        double expected = m.read() + m.read();
        assertEquals(expected, d.invoke(m), "invoke, round " + round + ", " + m.getClass());
        assertEquals(expected, (double) h.invoke(m), "handle, round " + round + ", "
            + m.getClass());
      }
    }
    assertOneSignatureEach(d, "Basic", "Doubled", "Constant");
    Dispatcher d2 = fresh(SpecializationCorpus.class, "describe");
    for (int round = 0; round < 20; round++) {
      for (Meter m : meters) {
        assertEquals(SpecializationCorpus.describe(m), d2.invoke(m), m.getClass().getName());
      }
    }
  }

  /** Two implementations of an interface alternately, many times, with fresh objects. */
  @Test
  void alternatingImplementationsAlwaysGiveTheRightAnswer() throws Throwable {
    Dispatcher d = fresh(ShapeCorpus.class, "area");
    MethodHandle h = d.handle();
    Random r = new Random(99);
    for (int i = 0; i < 500; i++) {
      double x = r.nextInt(100) / 10.0;
      Shape s = i % 2 == 0 ? new Circle(x) : new Square(x);
      assertEquals(s.area(), d.invoke(s), "invoke #" + i + " " + s);
      assertEquals(s.area(), (double) h.invoke(s), "handle #" + i + " " + s);
    }
    assertThrows(NullPointerException.class, () -> d.invoke((Object) null));
    assertThrows(NullPointerException.class, () -> {
      double ignored = (double) h.invoke((Shape) null);
    });
    assertEquals(new Circle(1).area(), (double) h.invoke((Shape) new Circle(1)),
        "after a null");
  }

  /** More exact classes than the inline cache holds: the megamorphic path still answers
   * right, and each class still has its own signature. */
  @Test
  void pastTheInlineCacheDepthAnswersStayRight() throws Throwable {
    Dispatcher d = fresh(SpecializationCorpus.class, "asDouble");
    MethodHandle h = d.handle();
    Number[] values = {3, 4L, 2.5, 1.5f, (short) 6, (byte) 7, BigInteger.TEN,
        new BigDecimal("12.75"), new AtomicInteger(13), new AtomicLong(14)};
    for (int round = 0; round < 30; round++) {
      for (Number n : values) {
        double expected = SpecializationCorpus.asDouble(n);
        assertEquals(expected, (double) h.invoke(n), "handle, round " + round + ", "
            + n.getClass().getSimpleName());
        assertEquals(expected, d.invoke(n), "invoke, " + n.getClass().getSimpleName());
      }
    }
    assertOneSignatureEach(d, "Integer", "Long", "Double", "Float", "Short", "Byte",
        "BigInteger", "BigDecimal", "AtomicInteger", "AtomicLong");
  }

  @Test
  void twoVaryingParametersSpecializeOnThePair() throws Throwable {
    Dispatcher d = fresh(SpecializationCorpus.class, "combine");
    Meter[] meters = {new Basic(2), new Doubled(2)};
    Number[] numbers = {3, 0.5};
    for (int round = 0; round < 3; round++) {
      for (Meter m : meters) {
        for (Number n : numbers) {
          assertEquals(SpecializationCorpus.combine(m, n), d.invoke(m, n),
              m.getClass().getSimpleName() + " x " + n.getClass().getSimpleName());
        }
      }
    }
    assertEquals(4, d.signatures().size(), "signatures: " + d.signatures());
  }
}
