package dev.kiln.lowering;

import dev.kiln.typing.KType;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The data-model registry, keyed by the class of a {@link KType} (Numba's
 * {@code datamodel.manager}). Types without a registered model live in one local of the JVM
 * type of their class.
 */
public final class DataModels {
  private static final Map<Class<? extends KType>, Function<KType, DataModel>> MODELS =
      new ConcurrentHashMap<>();

  private DataModels() {}

  /** Registers how values of types of class {@code typeClass} are laid out. */
  public static <T extends KType> void register(Class<T> typeClass,
                                                Function<? super T, DataModel> model) {
    @SuppressWarnings("unchecked")
    Function<KType, DataModel> f = t -> model.apply((T) t);
    MODELS.put(typeClass, f);
  }

  /** The model of {@code t}. */
  public static DataModel of(KType t) {
    Function<KType, DataModel> f = MODELS.get(t.getClass());
    return f != null ? f.apply(t) : new ScalarModel(t.asmType());
  }
}
