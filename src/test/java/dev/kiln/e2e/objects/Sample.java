package dev.kiln.e2e.objects;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a static method {@code static T anything(java.util.Random)} of a corpus type (a class,
 * an interface or an abstract class) that {@link ObjectInputs} calls to make a value of that
 * type: receivers of instance methods, and arguments declared with the type. The method must
 * draw everything from the {@code Random} it is given, so that the same seed makes equal
 * values (the harness makes each input twice, once for the original and once for the compiled
 * run). It may return {@code null} now and then; parameters marked
 * {@link dev.kiln.e2e.NonNull} and receivers are retried until non-null.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Sample {
}
