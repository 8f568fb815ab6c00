package dev.kiln.typing.templates;

import dev.kiln.typing.KType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A set of typing declarations, installed into a typing context all at once (Numba's
 * {@code Registry}). Keys are operator keys ({@code "+"}, {@code "getitem"}, {@code "len"},
 * {@code "cast.long"}, {@code "cmpl"}, {@code "<"}…) or Java methods written
 * {@code owner/internal/Name.method(descriptor)} — the form {@link #methodKey} builds.
 * Not thread-safe while being filled; install it when complete.
 */
public final class Registry {
  private final Map<String, List<Template>> functions = new LinkedHashMap<>();
  private final Map<Class<? extends KType>, List<AttributeTemplate>> attributes =
      new LinkedHashMap<>();

  /** Declares {@code template} for {@code key}; earlier declarations are tried first. */
  public Registry register(String key, Template template) {
    functions.computeIfAbsent(key, k -> new ArrayList<>()).add(template);
    return this;
  }

  /** Declares attributes of values whose type is of class {@code typeClass}. */
  public Registry registerAttribute(Class<? extends KType> typeClass, AttributeTemplate t) {
    attributes.computeIfAbsent(typeClass, k -> new ArrayList<>()).add(t);
    return this;
  }

  public Map<String, List<Template>> functions() {
    return functions;
  }

  public Map<Class<? extends KType>, List<AttributeTemplate>> attributes() {
    return attributes;
  }

  /** The key of a Java method: {@code java/lang/Math.sqrt(D)D}. */
  public static String methodKey(String owner, String name, String desc) {
    return owner + "." + name + desc;
  }
}
