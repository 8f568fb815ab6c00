package dev.kiln.e2e;

import java.lang.annotation.Annotation;

/**
 * What the annotations of one corpus parameter ask of its generated inputs: {@link Range},
 * {@link Size}, {@link NonNull}, {@link Strings}.
 */
public record InputSpec(Range range, Size size, boolean nonNull, String[] strings) {
  public static final InputSpec NONE = new InputSpec(null, null, false, null);

  public static InputSpec of(Annotation[] anns) {
    Range range = null;
    Size size = null;
    boolean nonNull = false;
    String[] strings = null;
    for (Annotation a : anns) {
      if (a instanceof Range x) {
        range = x;
      } else if (a instanceof Size x) {
        size = x;
      } else if (a instanceof NonNull) {
        nonNull = true;
      } else if (a instanceof Strings x) {
        strings = x.value();
      }
    }
    return new InputSpec(range, size, nonNull, strings);
  }

  /** The least length asked for (0 by default). */
  public int minLen() {
    return size == null ? 0 : size.min();
  }

  /** The greatest length asked for (8 by default). */
  public int maxLen() {
    return size == null ? 8 : size.max();
  }
  }
