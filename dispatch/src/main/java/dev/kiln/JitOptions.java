package dev.kiln;

import java.util.List;

/**
 * Immutable compile options, the programmatic form of {@link Jit}. Change one with a
 * {@code withX} method; {@link #DEFAULTS} are {@code @Jit}'s defaults.
 *
 * @param signatures signatures compiled eagerly, Java syntax; non-empty disables lazy compiles
 * @param nopython   {@code false} falls back to the original method when compiling fails
 * @param cache      keep compiled classes on disk
 * @param fastmath   relax floating-point association and contraction
 * @param parallel   run {@code Kiln.prange} loops in parallel
 */
public record JitOptions(List<String> signatures, boolean nopython, boolean cache,
                         boolean fastmath, boolean parallel) {

  /** The defaults of {@link Jit}. */
  public static final JitOptions DEFAULTS = new JitOptions(List.of(), true, false, false, false);

  public JitOptions {
    signatures = List.copyOf(signatures);
  }

  /** The options an annotation states. */
  public static JitOptions of(Jit jit) {
    return new JitOptions(List.of(jit.signatures()), jit.nopython(), jit.cache(), jit.fastmath(),
        jit.parallel());
  }

  public JitOptions withSignatures(String... sigs) {
    return new JitOptions(List.of(sigs), nopython, cache, fastmath, parallel);
  }

  public JitOptions withNopython(boolean v) {
    return new JitOptions(signatures, v, cache, fastmath, parallel);
  }

  public JitOptions withCache(boolean v) {
    return new JitOptions(signatures, nopython, v, fastmath, parallel);
  }

  public JitOptions withFastmath(boolean v) {
    return new JitOptions(signatures, nopython, cache, v, parallel);
  }

  public JitOptions withParallel(boolean v) {
    return new JitOptions(signatures, nopython, cache, fastmath, v);
  }
}
