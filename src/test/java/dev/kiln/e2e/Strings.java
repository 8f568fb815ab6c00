package dev.kiln.e2e;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The strings {@link ObjectInputs} draws for a {@code String} (or {@code CharSequence})
 * parameter, or for the elements of a {@code String[]} / {@code List<String>} parameter:
 * mostly one of {@link #value()}, sometimes a random short string, sometimes {@code null}
 * (unless the parameter is also {@link dev.kiln.e2e.NonNull}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Strings {
  String[] value();
}
