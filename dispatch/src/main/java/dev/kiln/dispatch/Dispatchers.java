package dev.kiln.dispatch;

import dev.kiln.Dispatcher;
import dev.kiln.Jit;
import dev.kiln.JitOptions;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Creates dispatchers and finds them again. {@link dev.kiln.Kiln} delegates here; the agent
 * will register the dispatchers it makes the same way.
 */
public final class Dispatchers {
  private static final List<JitDispatcher> BY_ID = new CopyOnWriteArrayList<>();
  private static final Map<Class<?>, Map<String, JitDispatcher>> BY_OWNER =
      new ConcurrentHashMap<>();

  private Dispatchers() {}

  /**
   * A new dispatcher for {@code owner.method}.
   *
   * @param lookup  a lookup with private access to {@code owner}, or one from which
   *                {@link MethodHandles#privateLookupIn} reaches it
   * @param options the options, or {@code null} for the method's {@link Jit}, else defaults
   */
  public static Dispatcher create(MethodHandles.Lookup lookup, Class<?> owner, String method,
                                  JitOptions options) {
    if (lookup == null || owner == null || method == null) {
      throw new NullPointerException("lookup, owner and method are required");
    }
    MethodHandles.Lookup full = fullPrivilege(lookup, owner);
    Method m = MethodTarget.find(owner, method);
    JitOptions opts = options;
    if (opts == null) {
      Jit jit = m.getAnnotation(Jit.class);
      opts = jit != null ? JitOptions.of(jit) : JitOptions.DEFAULTS;
    }
    synchronized (BY_ID) {
      JitDispatcher d = new JitDispatcher(BY_ID.size(), new MethodTarget(owner, m, full), opts);
      BY_ID.add(d);
      Map<String, JitDispatcher> names = BY_OWNER.computeIfAbsent(owner,
          k -> new ConcurrentHashMap<>());
      names.put(m.getName(), d);
      names.put(d.target.name() + d.target.descriptor(), d);
      names.put(method.replace(" ", ""), d);
      return d;
    }
  }

  /** The dispatcher last made for {@code owner.method} (a name, or name with parameters). */
  public static Dispatcher lookup(Class<?> owner, String method) {
    Map<String, JitDispatcher> names = BY_OWNER.get(owner);
    JitDispatcher d = names == null ? null : names.get(method.replace(" ", ""));
    if (d == null) {
      throw new IllegalArgumentException("no dispatcher for " + owner.getName() + "." + method
          + "; make one with Kiln.jit, or run with the Kiln agent");
    }
    return d;
  }

  static JitDispatcher byId(int id) {
    return BY_ID.get(id);
  }

  private static MethodHandles.Lookup fullPrivilege(MethodHandles.Lookup lookup, Class<?> owner) {
    if (lookup.lookupClass() == owner && (lookup.lookupModes() & MethodHandles.Lookup.PRIVATE) != 0) {
      return lookup;
    }
    try {
      return MethodHandles.privateLookupIn(owner, lookup);
    } catch (IllegalAccessException e) {
      throw new IllegalArgumentException("the lookup given cannot reach the private members of "
          + owner.getName() + "; pass MethodHandles.lookup() from inside " + owner.getSimpleName()
          + " (" + e.getMessage() + ")", e);
    }
  }
}
