package dev.kiln.e2e.objects;

import dev.kiln.e2e.Corpora;
import dev.kiln.e2e.objects.corpus.AnimalCorpus;
import dev.kiln.e2e.objects.corpus.BoxingCorpus;
import dev.kiln.e2e.objects.corpus.ClassModelCorpus;
import dev.kiln.e2e.objects.corpus.CollectionCorpus;
import dev.kiln.e2e.objects.corpus.EnumCorpus;
import dev.kiln.e2e.objects.corpus.ExceptionFlowCorpus;
import dev.kiln.e2e.objects.corpus.InstanceCorpus;
import dev.kiln.e2e.objects.corpus.LambdaCorpus;
import dev.kiln.e2e.objects.corpus.MonitorCorpus;
import dev.kiln.e2e.objects.corpus.PolymorphicCorpus;
import dev.kiln.e2e.objects.corpus.RecordCorpus;
import dev.kiln.e2e.objects.corpus.ShapeCorpus;
import dev.kiln.e2e.objects.corpus.StringCorpus;
import dev.kiln.e2e.objects.corpus.SwitchExprCorpus;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * The corpus classes of the object-model differential suite ({@code dev.kiln.e2e.objects}) and
 * their methods; unlike the static suite's, instance methods are included (their dispatcher
 * takes the receiver as argument 0). {@link Corpora} reaches them.
 */
public final class ObjectCorpora {
  private ObjectCorpora() {}

  /** Every class whose {@code @Jit} methods (static and instance) are checked. */
  public static final List<Class<?>> DIFFERENTIAL = List.of(
      ShapeCorpus.class,
      PolymorphicCorpus.class,
      BoxingCorpus.class,
      RecordCorpus.class,
      EnumCorpus.class,
      SwitchExprCorpus.class,
      StringCorpus.class,
      CollectionCorpus.class,
      LambdaCorpus.class,
      ExceptionFlowCorpus.class,
      MonitorCorpus.class,
      ClassModelCorpus.class,
      InstanceCorpus.class,
      AnimalCorpus.class);

  /** The {@code @Jit} methods of {@code owner}, static and instance, in a stable order. */
  public static List<Method> jitMethods(Class<?> owner) {
    return Corpora.allJitMethods(owner);
  }

  public static List<Method> allMethods() {
    List<Method> out = new ArrayList<>();
    for (Class<?> c : DIFFERENTIAL) {
      out.addAll(jitMethods(c));
    }
    return out;
  }
}
