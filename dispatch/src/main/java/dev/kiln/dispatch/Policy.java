package dev.kiln.dispatch;

/** The dispatcher's policy numbers, with the reason for each. */
final class Policy {
  private Policy() {}

  /**
   * Guards an inline cache chains before going megamorphic. Each relink deoptimizes every
   * compiled method that inlined the site, and a long chain of class checks costs more than one
   * table lookup; Dynalink and Nashorn use 8.
   */
  static final int INLINE_CACHE_DEPTH = 8;

  /**
   * Methods one compile unit may link (root included); calls past it go to the originals.
   * Bounds compile time and class size when a kernel calls into a large body of user code.
   */
  static final int MAX_UNIT_METHODS = 64;

  /**
   * Entries of the megamorphic lookup table (argument classes → specialization). A site that
   * sees more distinct class tuples than this is thrashing whatever the policy, so the table is
   * simply cleared when full: a plain map, not an eviction library, whose 700 classes in the
   * jar would cost every JVM start about 2 ms of reading the jar's directory.
   */
  static final int MEGAMORPHIC_CACHE_SIZE = 1024;
}
