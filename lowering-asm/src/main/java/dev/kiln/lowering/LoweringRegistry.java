package dev.kiln.lowering;

import dev.kiln.typing.KType;
import dev.kiln.typing.Signature;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * The lowering registry (Numba's {@code lower_builtin}, {@code lower_cast}): implementations
 * keyed by the operation key typing resolved and chosen by the resolved signature. The most
 * recently registered applicable implementation wins, so extensions can replace built-ins.
 * Kiln's own lowerings register through these same methods. Thread-safe.
 */
public final class LoweringRegistry {
  private record Entry<L>(Predicate<Signature> applies, L impl) {}

  private record CastEntry(BiPredicate<KType, KType> applies, CastLowering impl) {}

  private final Map<String, List<Entry<Lowering>>> builtins = new ConcurrentHashMap<>();
  private final Map<String, List<Entry<BranchLowering>>> branches = new ConcurrentHashMap<>();
  private final List<CastEntry> casts = new CopyOnWriteArrayList<>();

  /** A registry holding Kiln's built-in lowerings. */
  public static LoweringRegistry standard() {
    LoweringRegistry r = new LoweringRegistry();
    ArithmeticLowering.register(r);
    ConversionLowering.register(r);
    ComparisonLowering.register(r);
    ArrayLowering.register(r);
    return r;
  }

  /** Implements {@code key} for signatures {@code applies} accepts. */
  public LoweringRegistry lowerBuiltin(String key, Predicate<Signature> applies, Lowering impl) {
    builtins.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(0, new Entry<>(applies, impl));
    return this;
  }

  /** Implements {@code key} for exactly {@code sig}. */
  public LoweringRegistry lowerBuiltin(String key, Signature sig, Lowering impl) {
    return lowerBuiltin(key, sig::equals, impl);
  }

  /** Implements the condition {@code key} as a conditional jump. */
  public LoweringRegistry lowerBranch(String key, Predicate<Signature> applies,
                                      BranchLowering impl) {
    branches.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(0, new Entry<>(applies, impl));
    return this;
  }

  /** Implements conversions from one type to another where {@code applies} holds. */
  public LoweringRegistry lowerCast(BiPredicate<KType, KType> applies, CastLowering impl) {
    casts.add(0, new CastEntry(applies, impl));
    return this;
  }

  /** The implementation of {@code key} for {@code sig}, or {@code null}. */
  public Lowering lookup(String key, Signature sig) {
    return find(builtins.get(key), sig);
  }

  /** The branch implementation of {@code key} for {@code sig}, or {@code null}. */
  public BranchLowering lookupBranch(String key, Signature sig) {
    return find(branches.get(key), sig);
  }

  /** The conversion from {@code from} to {@code to}, or {@code null}. */
  public CastLowering lookupCast(KType from, KType to) {
    for (CastEntry c : casts) {
      if (c.applies().test(from, to)) {
        return c.impl();
      }
    }
    return null;
  }

  private static <L> L find(List<Entry<L>> entries, Signature sig) {
    if (entries == null) {
      return null;
    }
    for (Entry<L> e : new ArrayList<>(entries)) {
      if (e.applies().test(sig)) {
        return e.impl();
      }
    }
    return null;
  }
}
