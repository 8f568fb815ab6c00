package dev.kiln;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method for Kiln, Numba's {@code @jit} on the JVM: the method is compiled into a
 * specialization per argument-type signature on first call (or eagerly for {@link #signatures()}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Jit {
  /** Signatures to compile eagerly, in Java syntax, e.g. {@code "double(double[], double[])"}.
   * When any are given, no other signature is compiled later (as in Numba). */
  String[] signatures() default {};

  /** {@code true}: compile fully typed or throw {@code TypingError} at the call;
   * {@code false}: run the original method instead (one warning, counted in stats). */
  boolean nopython() default true;

  /** Keep compiled classes on disk, keyed by source stamp. */
  boolean cache() default false;

  /** May reassociate or contract floating-point math. */
  boolean fastmath() default false;

  /** Loops bounded by {@link Kiln#prange(int)} may run in parallel. */
  boolean parallel() default false;
}
