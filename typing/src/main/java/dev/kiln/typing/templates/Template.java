package dev.kiln.typing.templates;

import dev.kiln.typing.KType;
import dev.kiln.typing.Signature;
import java.util.List;

/**
 * Types one operation (an operator key such as {@code "+"} or {@code "getitem"}, or a Java
 * method) for given argument types, as Numba's typing templates do. A template that does not
 * apply returns {@code null}; it never throws for that. The returned signature's argument
 * types may differ from the actual ones only by conversions {@link
 * dev.kiln.typing.Types#convertible} allows; lowering inserts them.
 */
@FunctionalInterface
public interface Template {
  /** The signature for {@code args}, or {@code null} when this template does not apply. */
  Signature resolve(List<KType> args);

  /** What the template accepts, for error messages. */
  default String describe() {
    return "a rule (" + getClass().getSimpleName() + ")";
  }
}
