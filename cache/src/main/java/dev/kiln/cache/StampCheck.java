package dev.kiln.cache;

/**
 * Recomputes the current {@link SourceStamp} of a class by its binary name, to tell whether a
 * cache entry built from it is still current. Returns {@code null} if the class is gone.
 */
@FunctionalInterface
public interface StampCheck {

  /** The class's current stamp, or {@code null} if it no longer exists. */
  SourceStamp current(String className);

  /** Stamps classes as {@code loader} finds them now ({@link SourceStamp#find}). */
  static StampCheck of(ClassLoader loader) {
    return new StampCheck() { // not a lambda: no lambda bootstrap on a warm start
      @Override
      public SourceStamp current(String className) {
        return SourceStamp.find(loader, className);
      }
    };
  }
}
