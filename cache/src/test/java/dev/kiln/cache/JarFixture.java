package dev.kiln.cache;

/** A small class that SourceStampTest puts into a jar and loads from there. */
public final class JarFixture {
  public static int answer() {
    return 42;
  }
}
