package dev.kiln.typing;

import dev.kiln.typing.templates.AttributeTemplate;
import dev.kiln.typing.templates.Registry;
import dev.kiln.typing.templates.Template;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The templates in force for a compilation (Numba's typing context). Registries are installed
 * whole; a later registry's declarations for a key are tried before earlier ones, so users
 * can refine built-ins. Safe for concurrent reads; installs are serialized.
 */
public final class TypingContext {
  private final Map<String, List<Template>> functions = new LinkedHashMap<>();
  private final Map<Class<? extends KType>, List<AttributeTemplate>> attributes =
      new LinkedHashMap<>();
  private final List<Registry> installed = new CopyOnWriteArrayList<>();

  /** A context with Kiln's built-in declarations installed. */
  public static TypingContext standard() {
    TypingContext c = new TypingContext();
    c.install(Builtins.registry());
    return c;
  }

  /** Installs every declaration of {@code registry}. */
  public synchronized TypingContext install(Registry registry) {
    registry.functions().forEach((k, ts) -> {
      List<Template> l = new ArrayList<>(ts);
      l.addAll(functions.getOrDefault(k, List.of()));
      functions.put(k, List.copyOf(l));
    });
    registry.attributes().forEach((k, ts) -> {
      List<AttributeTemplate> l = new ArrayList<>(ts);
      l.addAll(attributes.getOrDefault(k, List.of()));
      attributes.put(k, List.copyOf(l));
    });
    installed.add(registry);
    return this;
  }

  /** The templates for {@code key}, most recently installed first. */
  public synchronized List<Template> templates(String key) {
    return functions.getOrDefault(key, List.of());
  }

  /** Resolves {@code key} for {@code args}, or {@code null} when no template applies. */
  public Resolution resolve(String key, List<KType> args) {
    for (Template t : templates(key)) {
      Signature s = t.resolve(args);
      if (s != null) {
        return new Resolution(key, s, null);
      }
    }
    return null;
  }

  /** The type of {@code receiver.attribute}, or {@code null}. */
  public synchronized KType resolveAttribute(KType receiver, String attribute) {
    for (Map.Entry<Class<? extends KType>, List<AttributeTemplate>> e : attributes.entrySet()) {
      if (e.getKey().isInstance(receiver)) {
        for (AttributeTemplate t : e.getValue()) {
          KType r = t.resolve(receiver, attribute);
          if (r != null) {
            return r;
          }
        }
      }
    }
    return null;
  }

  /** What the templates for {@code key} accept, for error messages. */
  public String describe(String key) {
    List<Template> ts = templates(key);
    if (ts.isEmpty()) {
      return "no declarations for `" + key + "`";
    }
    StringBuilder sb = new StringBuilder();
    for (Template t : ts) {
      sb.append(sb.length() == 0 ? "" : "; ").append(t.describe());
    }
    return sb.toString();
  }
}
