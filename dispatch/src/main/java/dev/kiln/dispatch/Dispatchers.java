package dev.kiln.dispatch;

import dev.kiln.Dispatcher;
import dev.kiln.Jit;
import dev.kiln.JitOptions;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Creates dispatchers and finds them again. {@link dev.kiln.Kiln} delegates here; the agent
 * will register the dispatchers it makes the same way.
 */
public final class Dispatchers {
  /**
   * The dispatchers made for each class, by name: a class value, so they live as long as the
   * class (and its loader) and no longer, which a static map would not allow.
   */
  private static final ClassValue<Map<String, JitDispatcher>> BY_OWNER = new ClassValue<>() {
    @Override
    protected Map<String, JitDispatcher> computeValue(Class<?> c) {
      return new ConcurrentHashMap<>();
    }
  };
  /** Held while a dispatcher is made and registered (one per method for the agent). */
  private static final Object LOCK = new Object();

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
    JitDispatcher d = make(owner, m, full, agentOriginal(owner, m), options);
    synchronized (LOCK) {
      register(owner, d, method.replace(" ", ""));
      return d;
    }
  }

  /**
   * A dispatcher of {@code m}, with {@code options}, else those of its {@link Jit}, else the
   * defaults. A disabled Kiln, which only ever runs the original, does not read the class file
   * for them.
   */
  private static JitDispatcher make(Class<?> owner, Method m, MethodHandles.Lookup lookup,
                                    String originalName, JitOptions options) {
    boolean disabled = KilnConfig.disabled();
    JitOptions opts = options != null ? options : disabled ? JitOptions.DEFAULTS
        : JitAnnotation.of(owner, m, MethodTarget.descriptorOf(m));
    return new JitDispatcher(new MethodTarget(owner, m, lookup, originalName), opts, disabled);
  }

  /** Registers {@code d} under its method's name, name and descriptor, and {@code alias}. */
  private static void register(Class<?> owner, JitDispatcher d, String alias) {
    Map<String, JitDispatcher> names = names(owner);
    names.put(d.target.name(), d);
    names.put(d.target.name() + d.target.descriptor(), d);
    names.put(alias, d);
  }

  /**
   * Links a call site the agent planted in {@code caller}'s method {@code name}: the body of
   * that method is now an {@code invokedynamic} with this bootstrap, and its original body
   * runs under {@code originalName} (used for fallbacks and {@code kiln.disable}). The
   * dispatcher is made once per method, registered for {@link #lookup}, and its inline cache
   * becomes the site. Options come from the method's {@link Jit}, else the defaults.
   *
   * @param type the method's type, receiver first for instance methods
   */
  public static java.lang.invoke.CallSite linkAgentSite(MethodHandles.Lookup caller, String name,
                                                        java.lang.invoke.MethodType type,
                                                        String originalName) {
    // linked at the method's first call, which invokestatic made after initializing its class
    return agentDispatcher(caller, name, type, originalName).callSiteLinkedNow(true, type);
  }

  /** The dispatcher of a method the agent rewrote, made once (see {@link #linkAgentSite}). */
  private static JitDispatcher agentDispatcher(MethodHandles.Lookup caller, String name,
                                               java.lang.invoke.MethodType type,
                                               String originalName) {
    Class<?> owner = caller.lookupClass();
    String key = name + type.toMethodDescriptorString();
    JitDispatcher d;
    synchronized (LOCK) {
      Map<String, JitDispatcher> names = names(owner);
      d = names.get("agent:" + key);
      if (d == null) {
        d = make(owner, findByType(owner, name, type), caller, originalName, null);
        register(owner, d, "agent:" + key);
      }
    }
    return d;
  }

  /**
   * The dispatcher of a method the agent rewrote but nobody has called yet: made now, under the
   * key its call site will look up when first linked, so both see the same dispatcher.
   */
  private static JitDispatcher agentDispatcherBeforeFirstCall(Class<?> owner, String method) {
    Method m;
    try {
      m = MethodTarget.find(owner, method);
    } catch (IllegalArgumentException e) {
      return null;
    }
    String original = agentOriginal(owner, m);
    if (original.equals(m.getName())) { // not rewritten by the agent
      return null;
    }
    java.lang.invoke.MethodType type = java.lang.invoke.MethodType.methodType(m.getReturnType(),
        m.getParameterTypes());
    if (!java.lang.reflect.Modifier.isStatic(m.getModifiers())) {
      type = type.insertParameterTypes(0, owner);
    }
    MethodHandles.Lookup lookup;
    try {
      lookup = MethodHandles.privateLookupIn(owner, MethodHandles.lookup());
    } catch (ReflectiveOperationException e) { // IllegalAccessException; see CallErrors
      return null;
    }
    // made, not linked: asking for a dispatcher compiles nothing
    return agentDispatcher(lookup, m.getName(), type, original);
  }

  /** Records a class's original bytes (see {@link ClassBytes}); for the agent. */
  public static void registerOriginalBytes(ClassLoader loader, String internalName, byte[] bytes) {
    ClassBytes.register(loader, internalName, bytes);
  }

  /**
   * The agent's rewrite of a class kept in the cache (see {@link RewriteCache}): the bytes it
   * made before from {@code original} with {@code agentArgs}, or {@code null}.
   *
   * @param domain the protection domain the class is being defined in (its origin), or null
   */
  public static byte[] cachedRewrite(String internalName, byte[] original, String agentArgs,
                                     java.security.ProtectionDomain domain) {
    return RewriteCache.load(internalName, original, agentArgs,
        dev.kiln.cache.ClassFileSource.origin(domain));
  }

  /**
   * Keeps the agent's rewrite of a class in the cache if one of {@code methods} (the rewritten
   * ones annotated {@code @Jit}, each as name and descriptor) caches; for
   * {@link #cachedRewrite}.
   */
  public static void storeRewrite(String internalName, byte[] original, String agentArgs,
                                  java.security.ProtectionDomain domain, byte[] rewritten,
                                  List<String[]> methods) {
    RewriteCache.store(internalName, original, agentArgs,
        dev.kiln.cache.ClassFileSource.origin(domain), rewritten, methods);
  }

  /**
   * Where a method's original body runs: under its own name, or, when the agent rewrote the
   * method into a call to its dispatcher, under the name the agent moved it to.
   */
  private static String agentOriginal(Class<?> owner, Method m) {
    String moved = m.getName() + "$kiln$original";
    return MethodTarget.named(owner.getDeclaredMethods(), moved, m.getParameterTypes()) != null
        ? moved : m.getName();
  }

  private static Method findByType(Class<?> owner, String name, java.lang.invoke.MethodType type) {
    for (Method m : owner.getDeclaredMethods()) {
      if (!m.getName().equals(name)) {
        continue;
      }
      java.lang.invoke.MethodType mt = java.lang.invoke.MethodType.methodType(m.getReturnType(),
          m.getParameterTypes());
      if (!java.lang.reflect.Modifier.isStatic(m.getModifiers())) {
        mt = mt.insertParameterTypes(0, owner);
      }
      if (mt.equals(type)) {
        return m;
      }
    }
    throw new IllegalArgumentException("no method " + name + type + " in " + owner.getName());
  }

  /** The dispatcher last made for {@code owner.method} (a name, or name with parameters). */
  public static Dispatcher lookup(Class<?> owner, String method) {
    JitDispatcher d = names(owner).get(method.replace(" ", ""));
    if (d == null) {
      d = agentDispatcherBeforeFirstCall(owner, method);
    }
    if (d == null) {
      throw new IllegalArgumentException("no dispatcher for " + owner.getName() + "." + method
          + "; make one with Kiln.jit, or run with the Kiln agent");
    }
    return d;
  }

  /** Kiln's release and build, as cache entries are keyed by ({@link KilnVersion}). */
  public static String version() {
    return KilnVersion.ID;
  }

  /** See {@link dev.kiln.Kiln#cacheDirectory()}. */
  public static java.nio.file.Path cacheDirectory() {
    return DiskCache.cache().directory();
  }

  /** See {@link dev.kiln.Kiln#cacheEntries()}. */
  public static List<String> cacheEntries() {
    List<String> r = new java.util.ArrayList<>();
    for (dev.kiln.cache.CacheKey k : DiskCache.cache().list()) {
      String what = k.method().equals(RewriteCache.METHOD)
          ? k.ownerClass() + ", as the agent rewrote it" : k.ownerClass() + "." + k.method()
          + k.signature();
      r.add(what + " [" + k.options() + ", Kiln " + k.kilnVersion() + ", JDK " + k.jvmFeature()
          + (k.origin().isEmpty() ? "" : ", from " + k.origin()) + "]");
    }
    return r;
  }

  /** See {@link dev.kiln.Kiln#clearCache()}. */
  public static int clearCache() {
    return DiskCache.cache().clear();
  }

  /** The names registered for {@code owner}. */
  private static Map<String, JitDispatcher> names(Class<?> owner) {
    return BY_OWNER.get(owner);
  }

  private static MethodHandles.Lookup fullPrivilege(MethodHandles.Lookup lookup, Class<?> owner) {
    if (lookup.lookupClass() == owner && (lookup.lookupModes() & MethodHandles.Lookup.PRIVATE) != 0) {
      return lookup;
    }
    try {
      return MethodHandles.privateLookupIn(owner, lookup);
    } catch (ReflectiveOperationException e) { // IllegalAccessException; see CallErrors
      throw new IllegalArgumentException("the lookup given cannot reach the private members of "
          + owner.getName() + "; pass MethodHandles.lookup() from inside " + owner.getSimpleName()
          + " (" + e.getMessage() + ")", e);
    }
  }
}
