package dev.kiln.typing;

/**
 * How typing resolved one operation: the key it was looked up under, the chosen signature, and,
 * for calls linked into the compiled unit, the {@link UnitCall}.
 *
 * @param key       operator key or method key
 * @param signature the template's signature (argument types may be wider than the actual ones)
 * @param call      the unit method a call links to, or {@code null}
 */
public record Resolution(String key, Signature signature, UnitCall call) {}
