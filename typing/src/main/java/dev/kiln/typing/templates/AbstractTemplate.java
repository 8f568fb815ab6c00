package dev.kiln.typing.templates;

import dev.kiln.typing.KType;
import dev.kiln.typing.Signature;
import java.util.List;
import java.util.function.Function;

/**
 * A template computed from the argument types (Numba's {@code AbstractTemplate}), for
 * operations generic over a family of types such as arrays of any element.
 */
public final class AbstractTemplate implements Template {
  private final String description;
  private final Function<List<KType>, Signature> generic;

  /**
   * @param description what it accepts, for error messages, e.g. {@code "elem(array, int)"}
   * @param generic     the signature for the arguments, or {@code null} when not applicable
   */
  public AbstractTemplate(String description, Function<List<KType>, Signature> generic) {
    this.description = description;
    this.generic = generic;
  }

  @Override
  public Signature resolve(List<KType> args) {
    return generic.apply(args);
  }

  @Override
  public String describe() {
    return description;
  }
}
