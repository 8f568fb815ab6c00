package dev.kiln.dispatch;

import dev.kiln.typing.KType;
import java.lang.invoke.CallSite;
import java.lang.invoke.ConstantCallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.MutableCallSite;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A dispatcher's inline cache: the call site that {@code handle()}, typed {@code as()} entries
 * and the agent's rewritten methods call through. Its target is a chain of exact-class guards,
 * newest first, each leading to a specialization, ending in the relinker. Past
 * {@link Policy#INLINE_CACHE_DEPTH} guards the site goes megamorphic: one lookup by argument
 * classes in a bounded table. Where no parameter needs a guard (primitives, final classes,
 * primitive arrays) the target is the specialization itself.
 *
 * <p>Made on first use: a dispatcher used through {@code invoke} alone never adapts a handle.
 */
final class InlineCache {
  /** The relinker and megamorphic entry points, as handles (made with the first cache). */
  private static final class Linking {
    static final MethodHandle RELINK;
    static final MethodHandle MEGAMORPHIC;

    static {
      try {
        MethodHandles.Lookup l = MethodHandles.lookup();
        RELINK = l.findVirtual(InlineCache.class, "relink",
            MethodType.methodType(Object.class, Object[].class));
        MEGAMORPHIC = l.findVirtual(InlineCache.class, "megamorphic",
            MethodType.methodType(Object.class, Object[].class));
      } catch (ReflectiveOperationException e) {
        throw new ExceptionInInitializerError(e);
      }
    }
  }

  private final JitDispatcher dispatcher;
  private final MethodTarget target;
  private MutableCallSite site;
  /** The megamorphic table, made when the site goes megamorphic. */
  private volatile Map<List<Class<?>>, Specialization> megamorphic;
  private int depth;
  private boolean isMegamorphic;
  private long relinks;

  InlineCache(JitDispatcher dispatcher) {
    this.dispatcher = dispatcher;
    this.target = dispatcher.target;
  }

  /**
   * The call site, its target the relinker (or, for a disabled Kiln, the original). Made with
   * its first target: {@code new MutableCallSite(type)} would first build an "uninitialized"
   * target, several lambda forms of adapting on a start, only to replace it.
   */
  synchronized MutableCallSite site() {
    if (site == null) {
      site = new MutableCallSite(dispatcher.disabled() ? target.original()
          : Linking.RELINK.bindTo(this).asCollector(Object[].class, target.params.length)
              .asType(target.type()));
    }
    return site;
  }

  /**
   * A call site for a site being linked at its method's first call. Where no guard can tell
   * calls apart and no explicit signature decides, there is one specialization for good: it is
   * made now and the site is a constant one bound straight to it, with no relinker to adapt, no
   * first call through the generic path and nothing for the JVM to watch. Otherwise, and when
   * the method's class may still need initializing, the inline cache's site.
   *
   * @param ownerInitialized whether the caller knows the method's class is initialized (the
   *     agent's sites: their method was entered by {@code invokestatic}, which initialized it).
   *     Else the constant path is taken only once the dispatcher has initialized the class:
   *     initializing it here, inside a bootstrap, would turn a failing initializer into a
   *     linkage error replayed at every call, where a call should see
   *     {@code ExceptionInInitializerError} and then {@code NoClassDefFoundError}.
   */
  CallSite siteLinkedNow(boolean ownerInitialized) {
    if (dispatcher.disabled() || !dispatcher.options.signatures().isEmpty()
        || Guards.needed(target.params) || !(ownerInitialized || dispatcher.ownerReady())) {
      return site();
    }
    List<KType> key = new ArrayList<>(target.params.length);
    for (Class<?> p : target.params) {
      key.add(KType.of(p));
    }
    Specialization s = dispatcher.specialize(key);
    dispatcher.ensureOwner();
    synchronized (this) {
      relinks++;
    }
    return new ConstantCallSite(s.handle());
  }

  /** The site's fallback: find (or compile) the specialization, add its guard, run it. */
  Object relink(Object[] args) throws Throwable {
    Specialization s = dispatcher.specializationFor(args);
    dispatcher.ensureOwner();
    MutableCallSite site = site();
    synchronized (this) {
      if (!isMegamorphic) {
        relinks++;
        if (!Guards.needed(target.params)) {
          site.setTarget(s.handle());
        } else if (depth >= Policy.INLINE_CACHE_DEPTH) {
          isMegamorphic = true;
          Log.debug("inline cache of " + target.display() + " went megamorphic after " + depth
              + " entries");
          site.setTarget(Linking.MEGAMORPHIC.bindTo(this).asCollector(Object[].class,
              target.params.length).asType(target.type()));
        } else {
          depth++;
          site.setTarget(Guards.guard(target.type(), s.key(), target.params, args, s.handle(),
              site.getTarget()));
        }
        if (KilnConfig.debug()) {
          Log.debug("linked " + target.display() + " for " + s.signatureText() + " (relink "
              + relinks + ")");
        }
      }
    }
    return s.invoke(args);
  }

  /** The megamorphic site's target: one table lookup by the arguments' classes. */
  Object megamorphic(Object[] args) throws Throwable {
    List<Class<?>> classes = new ArrayList<>(args.length);
    for (Object a : args) {
      classes.add(a == null ? Void.class : a.getClass());
    }
    Map<List<Class<?>>, Specialization> table = megamorphic;
    if (table == null) {
      synchronized (this) {
        table = megamorphic;
        if (table == null) {
          table = new ConcurrentHashMap<>();
          megamorphic = table;
        }
      }
    }
    Specialization s = table.get(classes);
    if (s == null) {
      s = dispatcher.specializationFor(args);
      if (table.size() >= Policy.MEGAMORPHIC_CACHE_SIZE) {
        table.clear(); // see Policy: a site past the bound is thrashing; start over
      }
      table.put(classes, s);
    }
    dispatcher.ensureOwner(); // done by the relink that went megamorphic; a volatile read
    return s.invoke(args);
  }
}
