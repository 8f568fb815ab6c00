package dev.kiln.typing.templates;

import dev.kiln.typing.KType;

/**
 * Types attributes of values of one family of types (Numba's {@code AttributeTemplate}), such
 * as fields of an extension type's struct model.
 */
@FunctionalInterface
public interface AttributeTemplate {
  /** The type of {@code receiver.attribute}, or {@code null} when it has none. */
  KType resolve(KType receiver, String attribute);
}
