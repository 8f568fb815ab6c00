package dev.kiln.e2e;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The harness never passes {@code null} for this array parameter (nor null rows inside it).
 * Without it an array parameter is sometimes null, and rows of a 2-D array sometimes are. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface NonNull {
}
