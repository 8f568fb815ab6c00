package dev.kiln.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.Jit;
import dev.kiln.JitOptions;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link JitAnnotation} reads {@code @Jit} from class files: it must agree with reflection on
 * every method, whatever other annotations stand around it.
 */
class JitAnnotationTest {
  /** Another annotation with every kind of element value, to be skipped. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  @interface Noise {
    int i() default 1;

    long j() default 2;

    double d() default 3;

    char c() default 'c';

    String s() default "s";

    Class<?> k() default Object.class;

    ElementType e() default ElementType.METHOD;

    Deprecated a() default @Deprecated;

    String[] many() default {};

    boolean z() default false;
  }

  static final class Fixture {
    @Jit
    static int plain(int x) {
      return x;
    }

    @Noise(i = 7, j = 8L, d = 9.5, c = 'é', s = "ünïcödé 𝔸", k = String[].class,
        e = ElementType.FIELD, a = @Deprecated(since = "1"), many = {"a", "b"}, z = true)
    @Jit(signatures = {"int(int)", "long(long)"}, nopython = false, cache = true,
        fastmath = true, parallel = true)
    @Deprecated
    static int everything(int x) {
      return x;
    }

    @Jit(cache = true)
    @Noise(many = {"x"})
    static long afterJit(long x) {
      return x;
    }

    @Noise
    static int notJit(int x) {
      return x;
    }

    static int bare(int x) {
      return x;
    }

    @Jit(nopython = false)
    static int überÜnicode(int x) {
      return x;
    }

    @Jit
    static int overloaded(int x) {
      return x;
    }

    static int overloaded(long x) {
      return (int) x;
    }

    @Jit(fastmath = true)
    int instance(double[] a, String s) {
      return a.length + s.length();
    }
  }

  @Test
  void agreesWithReflectionOnEveryMethod() throws Exception {
    List<Class<?>> classes = new ArrayList<>(List.of(Fixture.class, JitAnnotationTest.class,
        dev.kiln.api.ApiKernels.class, dev.kiln.e2e.corpus.ArithmeticCorpus.class,
        dev.kiln.e2e.corpus.ArrayCorpus.class, dev.kiln.e2e.corpus.CallCorpus.class));
    int checked = 0;
    int annotated = 0;
    for (Class<?> c : classes) {
      byte[] bytes = ClassBytes.of(c);
      for (Method m : c.getDeclaredMethods()) {
        Jit jit = m.getAnnotation(Jit.class);
        JitOptions parsed = JitAnnotation.parse(bytes, m.getName(), MethodTarget.descriptorOf(m));
        assertEquals(jit == null ? null : JitOptions.of(jit), parsed, m.toString());
        assertEquals(jit != null, JitAnnotation.present(m), m.toString());
        checked++;
        annotated += jit != null ? 1 : 0;
      }
    }
    assertTrue(checked >= 80 && annotated >= 60, checked + " methods, " + annotated + " @Jit");
  }

  @Test
  void readsEveryElement() throws Exception {
    Method m = Fixture.class.getDeclaredMethod("everything", int.class);
    assertEquals(new JitOptions(List.of("int(int)", "long(long)"), false, true, true, true),
        JitAnnotation.of(Fixture.class, m, MethodTarget.descriptorOf(m)));
    Method bare = Fixture.class.getDeclaredMethod("bare", int.class);
    assertEquals(JitOptions.DEFAULTS,
        JitAnnotation.of(Fixture.class, bare, MethodTarget.descriptorOf(bare)));
  }

  @Test
  void aMethodTheBytesDoNotDeclareIsAnError() {
    byte[] bytes = ClassBytes.of(Fixture.class);
    assertThrows(IllegalArgumentException.class,
        () -> JitAnnotation.parse(bytes, "nope", "()V"));
    assertThrows(IllegalArgumentException.class,
        () -> JitAnnotation.parse(new byte[] {1, 2, 3, 4}, "plain", "(I)I"));
    // truncated: an IllegalArgumentException or an index out of bounds, both caught by of()
    assertThrows(RuntimeException.class, () -> JitAnnotation.parse(
        java.util.Arrays.copyOf(bytes, bytes.length / 2), "instance", "([DLjava/lang/String;)I"));
  }
}
