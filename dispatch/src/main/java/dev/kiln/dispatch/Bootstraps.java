package dev.kiln.dispatch;

import java.lang.invoke.CallSite;
import java.lang.invoke.ConstantCallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

/**
 * Bootstrap methods that link what generated code may not name directly: private members of
 * the user's classes (reached through the trusted lookup the user handed to {@code Kiln.jit}),
 * and the dispatcher entry of typed {@code as(...)} objects. Only classes Kiln defined may
 * use them: each caller's class must have been admitted ({@link UnitHosts}), else the
 * bootstrap refuses.
 *
 * <p>Public only because generated classes in other packages call it; not an API.
 */
public final class Bootstraps {
  private Bootstraps() {}

  /** The lookup of the class {@code caller} was compiled for; refuses classes Kiln did not make. */
  private static MethodHandles.Lookup host(MethodHandles.Lookup caller)
      throws IllegalAccessException {
    MethodHandles.Lookup host = UnitHosts.hostOf(caller.lookupClass());
    if (host == null) {
      throw new IllegalAccessException(caller.lookupClass() + " is not a class Kiln generated");
    }
    return host;
  }

  /** A full-privilege lookup on {@code target}, reached from the caller's host lookup. */
  private static MethodHandles.Lookup trusted(MethodHandles.Lookup caller, Class<?> target)
      throws IllegalAccessException {
    MethodHandles.Lookup host = host(caller);
    return host.lookupClass() == target ? host : MethodHandles.privateLookupIn(target, host);
  }

  /** {@code invokestatic} of a member the unit may not name. */
  public static CallSite invokeStatic(MethodHandles.Lookup caller, String name, MethodType type,
                                      Class<?> owner) throws ReflectiveOperationException {
    return new ConstantCallSite(trusted(caller, owner).findStatic(owner, name, type));
  }

  /** {@code invokevirtual}/{@code invokeinterface}; the receiver is the first parameter. */
  public static CallSite invokeVirtual(MethodHandles.Lookup caller, String name, MethodType type,
                                       Class<?> owner) throws ReflectiveOperationException {
    MethodHandle mh = trusted(caller, owner).findVirtual(owner, name, type.dropParameterTypes(0, 1));
    return new ConstantCallSite(mh.asType(type));
  }

  /**
   * {@code invokespecial} as made from {@code host} (a super call or a private method); the
   * receiver is the first parameter, typed as the method's class.
   */
  public static CallSite invokeSpecial(MethodHandles.Lookup caller, String name, MethodType type,
                                       Class<?> host) throws ReflectiveOperationException {
    MethodHandles.Lookup l = trusted(caller, host);
    Class<?> owner = type.parameterType(0);
    MethodHandle mh = l.findSpecial(owner, name, type.dropParameterTypes(0, 1), host);
    return new ConstantCallSite(mh.asType(type));
  }

  /**
   * A caller-sensitive JDK method ({@code MethodHandles.lookup()}, {@code Method.invoke}…)
   * called as from {@code host}: a handle found through host's lookup binds host as caller.
   */
  public static CallSite callerSensitive(MethodHandles.Lookup caller, String name,
                                         MethodType type, Class<?> host, Class<?> owner,
                                         int opcode) throws ReflectiveOperationException {
    MethodHandles.Lookup l = trusted(caller, host);
    if (owner == MethodHandles.class && name.equals("lookup")) {
      // through a handle, lookup() would answer for the JDK's injected invoker class
      return new ConstantCallSite(MethodHandles.constant(MethodHandles.Lookup.class, l));
    }
    MethodHandle mh = opcode == 184 // INVOKESTATIC
        ? l.findStatic(owner, name, type)
        : l.findVirtual(owner, name, type.dropParameterTypes(0, 1));
    return new ConstantCallSite(mh.asType(type));
  }

  /** {@code new owner(args)} through a constructor the unit may not name. */
  public static CallSite construct(MethodHandles.Lookup caller, String name, MethodType type,
                                   Class<?> owner) throws ReflectiveOperationException {
    MethodHandle mh = trusted(caller, owner).findConstructor(owner,
        type.changeReturnType(void.class));
    return new ConstantCallSite(mh.asType(type));
  }

  /**
   * {@code getstatic}. A static final field of an initialized class is a constant, so the site
   * becomes that constant (the first read initializes the class, as {@code getstatic} would).
   */
  public static CallSite getStatic(MethodHandles.Lookup caller, String name, MethodType type,
                                   Class<?> owner) throws ReflectiveOperationException {
    MethodHandles.Lookup l = trusted(caller, owner);
    MethodHandle getter = l.findStaticGetter(owner, name, type.returnType());
    Field f = dev.kiln.typing.Members.resolveField(owner, name);
    if (f != null && Modifier.isFinal(f.getModifiers()) && Modifier.isStatic(f.getModifiers())) {
      try {
        Object value = getter.invoke();
        return new ConstantCallSite(MethodHandles.constant(type.returnType(), value));
      } catch (Error | RuntimeException e) {
        throw e;
      } catch (Throwable t) {
        throw new IllegalStateException(t);
      }
    }
    return new ConstantCallSite(getter);
  }

  /** {@code putstatic}. */
  public static CallSite putStatic(MethodHandles.Lookup caller, String name, MethodType type,
                                   Class<?> owner) throws ReflectiveOperationException {
    return new ConstantCallSite(trusted(caller, owner).findStaticSetter(owner, name,
        type.parameterType(0)));
  }

  /** {@code getfield}; the object is the parameter. */
  public static CallSite getField(MethodHandles.Lookup caller, String name, MethodType type,
                                  Class<?> owner) throws ReflectiveOperationException {
    MethodHandle mh = trusted(caller, owner).findGetter(owner, name, type.returnType());
    return new ConstantCallSite(mh.asType(type));
  }

  /** {@code putfield}; object, then value. */
  public static CallSite putField(MethodHandles.Lookup caller, String name, MethodType type,
                                  Class<?> owner) throws ReflectiveOperationException {
    MethodHandle mh = trusted(caller, owner).findSetter(owner, name, type.parameterType(1));
    return new ConstantCallSite(mh.asType(type));
  }

  /**
   * Runs an original {@code invokedynamic} bootstrap with the lookup of the class that
   * declared the site ({@code host}), so what it links (a lambda class, say) is what the
   * original would have linked.
   */
  public static CallSite hostIndy(MethodHandles.Lookup caller, String name, MethodType type,
                                  Class<?> host, MethodHandle bootstrap, Object... args)
      throws Throwable {
    MethodHandles.Lookup l = trusted(caller, host);
    Object[] all = new Object[args.length + 3];
    all[0] = l;
    all[1] = name;
    all[2] = type;
    System.arraycopy(args, 0, all, 3, args.length);
    return (CallSite) bootstrap.invokeWithArguments(all);
  }

  /** A method or field handle the unit may not name, resolved through the owner's lookup. */
  public static MethodHandle handle(MethodHandles.Lookup caller, String name, Class<?> type,
                                    int tag, Class<?> owner, String member, String desc)
      throws ReflectiveOperationException {
    MethodHandles.Lookup l = trusted(caller, owner);
    ClassLoader loader = owner.getClassLoader();
    switch (tag) {
      case 1: // REF_getField
        return l.findGetter(owner, member, fieldType(desc, loader));
      case 2: // REF_getStatic
        return l.findStaticGetter(owner, member, fieldType(desc, loader));
      case 3: // REF_putField
        return l.findSetter(owner, member, fieldType(desc, loader));
      case 4: // REF_putStatic
        return l.findStaticSetter(owner, member, fieldType(desc, loader));
      case 6: // REF_invokeStatic
        return l.findStatic(owner, member, MethodType.fromMethodDescriptorString(desc, loader));
      case 7: // REF_invokeSpecial
        return l.findSpecial(owner, member, MethodType.fromMethodDescriptorString(desc, loader),
            owner);
      case 8: // REF_newInvokeSpecial
        return l.findConstructor(owner, MethodType.fromMethodDescriptorString(desc, loader));
      default: // REF_invokeVirtual, REF_invokeInterface
        return l.findVirtual(owner, member, MethodType.fromMethodDescriptorString(desc, loader));
    }
  }

  private static Class<?> fieldType(String desc, ClassLoader loader) {
    return MethodType.fromMethodDescriptorString("()" + desc, loader).returnType();
  }

  /**
   * A virtual call on a receiver whose exact class typing knows but generated code cannot name
   * (a lambda's hidden class): the call site is a constant handle to that class's method.
   */
  public static CallSite exactVirtual(MethodHandles.Lookup caller, String name, MethodType type,
                                      int classToken) throws ReflectiveOperationException {
    Class<?> exact = dev.kiln.lowering.ClassTokens.get(classToken);
    MethodType mt = type.dropParameterTypes(0, 1);
    MethodHandles.Lookup host = host(caller);
    MethodHandle mh;
    try {
      mh = host.findVirtual(exact, name, mt);
    } catch (IllegalAccessException e) {
      try {
        mh = MethodHandles.privateLookupIn(exact, host).findVirtual(exact, name, mt);
      } catch (IllegalAccessException e2) {
        // cannot bind to the class itself: an ordinary virtual call on the declared type
        mh = host.findVirtual(type.parameterType(0), name, mt);
      }
    }
    return new ConstantCallSite(mh.asType(type));
  }

  /** A class the unit may not name, as a dynamic constant resolved by binary name. */
  public static Class<?> classByName(MethodHandles.Lookup caller, String name, Class<?> type,
                                     String binaryName) throws ReflectiveOperationException {
    return Class.forName(binaryName, false, host(caller).lookupClass().getClassLoader());
  }

  /**
   * The call site of a typed entry made by {@code Dispatcher.as}, linked at the entry's first
   * call: the dispatcher's inline cache, or, where no guard can tell calls apart, a constant
   * site bound to the one specialization (see {@link InlineCache#siteLinkedNow}); adapted to
   * the interface method's type.
   */
  public static CallSite dispatcher(MethodHandles.Lookup caller, String name, MethodType type)
      throws ReflectiveOperationException {
    host(caller); // only Kiln's own entry classes may bind a dispatcher's site
    JitDispatcher d = UnitHosts.dispatcherOf(caller.lookupClass());
    if (d == null) {
      throw new IllegalAccessException(caller.lookupClass() + " is not a typed entry");
    }
    try {
      return d.callSiteLinkedNow(false, type);
    } catch (RuntimeException e) {
      // a method that does not compile: the relinking site raises that at every call, as the
      // dispatcher does, rather than the linkage error a failed bootstrap would become
      return JitDispatcher.ofType(d.callSite(), type);
    }
  }

}
