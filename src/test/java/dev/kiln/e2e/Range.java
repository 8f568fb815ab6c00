package dev.kiln.e2e;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Bounds the values the differential harness generates for one parameter, both inclusive.
 * On a scalar parameter it bounds the value (for {@code float}/{@code double}: values in
 * {@code [min, max]}, never NaN or infinite); on an array parameter it bounds every element.
 * Use it to keep recursion depth and loop trip counts small, or to aim indices at an array.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Range {
  long min();

  long max();
}
