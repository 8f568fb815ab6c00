package dev.kiln.e2e;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Bounds the length of a generated array parameter (every dimension), both inclusive.
 * Without it lengths are drawn from 0..16, small ones most often. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Size {
  int min() default 0;

  int max() default 16;
}
