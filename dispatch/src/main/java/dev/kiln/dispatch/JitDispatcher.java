package dev.kiln.dispatch;

import dev.kiln.Dispatcher;
import dev.kiln.JitOptions;
import dev.kiln.lowering.Lowerer;
import dev.kiln.typing.KType;
import dev.kiln.typing.Signature;
import dev.kiln.typing.Types;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MutableCallSite;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The dispatcher of one method (Numba's {@code Dispatcher}).
 *
 * <p>Specializations are kept per key (the argument types, see {@link ArgumentTypes}); the
 * first thread to ask for a key compiles it and the others wait for the same result, so a key
 * compiles once; a key that failed keeps its error and raises it again without recompiling.
 * With explicit signatures, those compile at creation and no other key ever compiles: a call
 * runs the first compiled signature its arguments convert to.
 *
 * <p>Calls through {@link #handle()}, typed entries and the agent's sites go through its
 * {@link InlineCache}.
 */
final class JitDispatcher implements Dispatcher {
  final MethodTarget target;
  final JitOptions options;
  private final boolean disabled;
  private final Map<List<KType>, PendingSpecialization> specs =
      new ConcurrentHashMap<>();
  private final List<Specialization> compiled = new CopyOnWriteArrayList<>();
  /** The inline cache; made on first use (a dispatcher used through invoke() never needs it). */
  private InlineCache inlineCache;
  private final Map<Class<?>, Object> entries = new ConcurrentHashMap<>();
  private final AtomicLong compilations = new AtomicLong();
  private final AtomicLong fallbacks = new AtomicLong();
  private final AtomicLong cacheHits = new AtomicLong();
  private final AtomicLong cacheMisses = new AtomicLong();
  /** Whether the method's class is initialized (or being initialized by a caller); see
   * {@link #ensureOwner}. */
  private volatile boolean ownerReady;

  /** @param disabled whether Kiln is disabled ({@link KilnConfig#disabled()}, read once by the
   *     caller, which chose the options by it) */
  JitDispatcher(MethodTarget target, JitOptions options, boolean disabled) {
    this.target = target;
    this.options = options;
    this.disabled = disabled;
    this.ownerReady = !target.isStatic;
    if (!disabled) {
      List<String> signatures = options.signatures();
      for (int i = 0; i < signatures.size(); i++) { // no iterator class to load when empty
        compile(signatures.get(i));
      }
    }
  }

  private synchronized InlineCache inlineCache() {
    if (inlineCache == null) {
      inlineCache = new InlineCache(this);
    }
    return inlineCache;
  }

  /** The inline cache's call site. */
  MutableCallSite callSite() {
    return inlineCache().site();
  }

  /**
   * The call site, linked now where it can be (see {@link InlineCache#siteLinkedNow}), as a
   * site of {@code type} (the type the caller's {@code invokedynamic} names).
   */
  java.lang.invoke.CallSite callSiteLinkedNow(boolean ownerInitialized,
                                              java.lang.invoke.MethodType type) {
    return ofType(inlineCache().siteLinkedNow(ownerInitialized), type);
  }

  /** {@code site} itself if of {@code type}, else a constant site adapting it. */
  static java.lang.invoke.CallSite ofType(java.lang.invoke.CallSite site,
                                          java.lang.invoke.MethodType type) {
    return site.type().equals(type) ? site
        : new java.lang.invoke.ConstantCallSite(site.dynamicInvoker().asType(type));
  }

  /** Whether the method's class is known initialized (see {@link #ensureOwner}). */
  boolean ownerReady() {
    return ownerReady;
  }

  boolean disabled() {
    return disabled;
  }

  // ---------------------------------------------------------------- calls

  @Override
  public Object invoke(Object... args) throws Throwable {
    if (args == null) {
      args = new Object[] {null};
    }
    if (disabled) {
      return target.invokeOriginal(args);
    }
    Specialization s = specializationFor(args);
    ensureOwner();
    return s.invoke(args);
  }

  /**
   * Initializes the method's class before a unit first runs, as {@code invokestatic} of the
   * original would (JVMS 5.5): units do not do it themselves (see {@code MethodGenerator}).
   * Every path to a unit passes here first: {@link #invoke}, and the inline cache before it
   * links a call site to the unit. If the initializer fails, it throws here, as at the original's
   * call, and again (as {@code NoClassDefFoundError}) at the next call. Instance methods need
   * nothing: their receiver's class, hence theirs, is initialized. One departure, shared with
   * any cached check: when the class's own initializer calls the method, the call finds the
   * class "initialized" (it is, for that thread) and the flag stays set, so another thread
   * calling meanwhile does not wait for the initializer to end (its accesses to the class's
   * members still do, in the JVM).
   */
  void ensureOwner() {
    if (!ownerReady) {
      try {
        target.lookup.ensureInitialized(target.owner);
      } catch (ReflectiveOperationException e) { // IllegalAccessException (see CallErrors)
        throw CallErrors.cannotInitialize(target, e);
      }
      ownerReady = true;
    }
  }

  /** The specialization for these arguments, compiled if new (their types are the key). */
  Specialization specializationFor(Object[] args) {
    if (args.length != target.params.length) {
      throw new IllegalArgumentException(target.display() + " takes " + target.params.length
          + " argument(s)" + (target.isStatic ? "" : " (receiver first)") + ", given "
          + args.length);
    }
    List<KType> key = new ArrayList<>(args.length);
    for (int i = 0; i < args.length; i++) {
      KType t = ArgumentTypes.of(target.params[i], args[i]);
      if (t == null) {
        throw CallErrors.noMatch(this, args);
      }
      key.add(t);
    }
    if (!options.signatures().isEmpty()) {
      return explicit(key, args);
    }
    return specialize(key);
  }

  private Specialization explicit(List<KType> key, Object[] args) {
    PendingSpecialization f = specs.get(key);
    if (f != null) {
      return f.await();
    }
    outer:
    for (Specialization s : compiled) {
      for (int i = 0; i < key.size(); i++) {
        if (!Types.convertible(key.get(i), s.key().get(i))) {
          continue outer;
        }
      }
      return s;
    }
    throw CallErrors.noMatch(this, args);
  }

  /** The specialization for {@code key}, compiling it once if new. */
  Specialization specialize(List<KType> key) {
    PendingSpecialization f = specs.get(key);
    if (f == null) {
      PendingSpecialization mine = new PendingSpecialization();
      f = specs.putIfAbsent(key, mine);
      if (f == null) {
        f = mine;
        try {
          Specialization s = compileOrFallback(key);
          compiled.add(s);
          mine.complete(s);
        } catch (Throwable t) {
          mine.fail(t);
        }
      }
    }
    return f.await();
  }

  private Specialization compileOrFallback(List<KType> key) {
    boolean cached = DiskCache.enabledFor(options) && DiskCache.cacheable(key);
    Specialization s = cached ? DiskCache.loadUnit(target, key, options) : null;
    if (s == null) {
      s = Compiler.compileOrFallback(target, key, options, cached);
    }
    Specialization.Origin o = s.origin(); // not a switch: no switch-map class to load
    if (o == Specialization.Origin.FROM_CACHE) {
      cacheHits.incrementAndGet();
    } else if (o == Specialization.Origin.ORIGINAL) {
      fallbacks.incrementAndGet();
    } else {
      if (o == Specialization.Origin.COMPILED_AFTER_CACHE_MISS) {
        cacheMisses.incrementAndGet();
      }
      compilations.incrementAndGet();
    }
    return s;
  }

  // ---------------------------------------------------------------- API

  @Override
  public MethodHandle handle() {
    return callSite().dynamicInvoker();
  }

  @Override
  public <F> F as(Class<F> functionalInterface) {
    Object entry = entries.get(functionalInterface);
    if (entry == null) { // not computeIfAbsent with a lambda: no lambda bootstrap on a start
      synchronized (entries) {
        entry = entries.get(functionalInterface);
        if (entry == null) {
          entry = EntryFactory.create(this, functionalInterface);
          entries.put(functionalInterface, entry);
        }
      }
    }
    return functionalInterface.cast(entry);
  }

  @Override
  public void compile(String signature) {
    if (disabled) {
      return;
    }
    Signature sig;
    try {
      sig = Types.parseSignature(signature, target.owner.getClassLoader());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(e.getMessage() + " (for " + target.display() + ")", e);
    }
    List<KType> args = sig.args();
    if (args.size() != target.params.length) {
      throw new IllegalArgumentException("signature " + signature + " has " + args.size()
          + " argument(s); " + target.display() + " takes " + target.params.length
          + (target.isStatic ? "" : " (receiver first)"));
    }
    List<KType> key = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      KType declared = KType.of(target.params[i]);
      KType a = args.get(i);
      if (!Types.convertible(a, declared) && !(a instanceof dev.kiln.typing.InstanceType it
          && target.params[i].isAssignableFrom(it.cls()))) {
        throw new IllegalArgumentException("signature " + signature + ": argument " + i + " ("
            + a.javaName() + ") cannot be passed as " + target.params[i].getTypeName());
      }
      key.add(declared instanceof dev.kiln.typing.Prim || !ArgumentTypes.varies(target.params[i])
          ? declared : a);
    }
    specialize(key);
  }

  @Override
  public List<String> signatures() {
    List<String> r = new ArrayList<>();
    for (Specialization s : compiled) {
      r.add(s.signatureText());
    }
    return List.copyOf(r);
  }

  @Override
  public String inspectTypes() {
    StringBuilder sb = new StringBuilder();
    for (Specialization s : compiled) {
      sb.append("== ").append(target.display()).append(" :: ").append(s.signature())
          .append('\n').append(s.typedIr()).append('\n');
    }
    return sb.toString();
  }

  @Override
  public String inspectBytecode(String signature) {
    String want = signature.replace(" ", "");
    for (Specialization s : compiled) {
      if (s.signatureText().replace(" ", "").equals(want)
          || s.signature().argsText().replace(" ", "").equals(want)) {
        return s.isFallback() ? "(runs the original method)" : Lowerer.text(s.bytes());
      }
    }
    Signature parsed = Types.parseSignature(signature, target.owner.getClassLoader());
    for (Specialization s : compiled) {
      if (s.key().equals(parsed.args())) {
        return s.isFallback() ? "(runs the original method)" : Lowerer.text(s.bytes());
      }
    }
    throw new IllegalArgumentException("no compiled signature " + signature + " of "
        + target.display() + "; compiled: " + signatures());
  }

  @Override
  public Stats stats() {
    long c = compilations.get();
    long fb = fallbacks.get();
    long hits = cacheHits.get();
    long misses = cacheMisses.get();
    return new Stats() {
      @Override
      public long compilations() {
        return c;
      }

      @Override
      public long cacheHits() {
        return hits;
      }

      @Override
      public long cacheMisses() {
        return misses;
      }

      @Override
      public long fallbacks() {
        return fb;
      }

      @Override
      public String toString() {
        return "compilations=" + c + ", cacheHits=" + hits + ", cacheMisses=" + misses
            + ", fallbacks=" + fb;
      }
    };
  }

  @Override
  public String toString() {
    return "Dispatcher[" + target.display() + ", signatures=" + signatures() + "]";
  }
}
