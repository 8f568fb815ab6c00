package dev.kiln.dispatch;

import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes the typed entries of {@link dev.kiln.Dispatcher#as}: a small final class in the
 * user's package implementing the interface, whose method is one {@code invokedynamic} bound to
 * the dispatcher's inline-cache call site. The call site is a constant of the indy, so C2
 * inlines through it into the specialization: no boxing, no array, no megamorphic
 * interface call inside.
 */
final class EntryFactory {
  private static final AtomicInteger COUNTER = new AtomicInteger();

  private EntryFactory() {}

  static Object create(JitDispatcher d, Class<?> iface) {
    if (!iface.isInterface()) {
      throw new IllegalArgumentException(iface.getName() + " is not an interface");
    }
    Method sam = singleAbstractMethod(iface);
    MethodHandles.Lookup lookup = d.target.lookup;
    String owner = d.target.owner.getName().replace('.', '/');
    String name = owner + "$$KilnEntry$" + COUNTER.getAndIncrement();
    byte[] bytes = EntryClassFile.write(name, iface, sam); // not ASM: see EntryClassFile
    if (KilnConfig.verify()) {
      dev.kiln.lowering.Lowerer.verify(bytes, d.target.owner.getClassLoader());
    }
    try {
      Class<?> cls = lookup.defineClass(bytes);
      UnitHosts.admit(cls, lookup, d); // the entry class holds its dispatcher
      return lookup.findConstructor(cls, java.lang.invoke.MethodType.methodType(void.class))
          .invoke();
    } catch (Throwable e) {
      throw new IllegalArgumentException("Kiln cannot implement " + iface.getName() + " for "
          + d.target.display() + ": " + e, e);
    }
  }

  private static Method singleAbstractMethod(Class<?> iface) {
    List<Method> abstracts = new ArrayList<>();
    for (Method m : iface.getMethods()) {
      if (Modifier.isAbstract(m.getModifiers()) && !isObjectMethod(m)) {
        abstracts.add(m);
      }
    }
    if (abstracts.size() != 1) {
      throw new IllegalArgumentException(iface.getName() + " is not a functional interface: "
          + abstracts.size() + " abstract methods");
    }
    return abstracts.get(0);
  }

  /** Whether {@code m} restates a public method of {@code Object} ({@code equals}, say). */
  private static boolean isObjectMethod(Method m) {
    return MethodTarget.named(Object.class.getMethods(), m.getName(), m.getParameterTypes())
        != null;
  }
}
