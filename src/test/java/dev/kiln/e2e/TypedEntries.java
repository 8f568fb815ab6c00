package dev.kiln.e2e;

import dev.kiln.Dispatcher;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * A typed entry ({@link Dispatcher#as}) for any static corpus method: a functional interface
 * with the method's own signature is made for it (in the method's package, so the entry Kiln
 * defines there can implement it), and a handle calls the entry through the interface.
 */
final class TypedEntries {
  private static final Map<Method, MethodHandle> CALLS = new ConcurrentHashMap<>();
  private static final AtomicInteger COUNT = new AtomicInteger();

  private TypedEntries() {}

  /** A handle calling {@code d.as(I)} for {@code m}'s interface {@code I}: {@code m}'s type. */
  static MethodHandle of(Method m, Dispatcher d) {
    return CALLS.computeIfAbsent(m, k -> make(k, d));
  }

  private static MethodHandle make(Method m, Dispatcher d) {
    String name = Type.getInternalName(m.getDeclaringClass()) + "$TestEntry"
        + COUNT.incrementAndGet();
    ClassWriter cw = new ClassWriter(0);
    cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_ABSTRACT | Opcodes.ACC_INTERFACE,
        name, null, "java/lang/Object", null);
    cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_ABSTRACT, "apply",
        Type.getMethodDescriptor(m), null, null).visitEnd();
    cw.visitEnd();
    try {
      Class<?> iface = Corpora.lookup(m.getDeclaringClass()).defineClass(cw.toByteArray());
      Object entry = d.as(iface);
      return MethodHandles.publicLookup().findVirtual(iface, "apply",
          MethodType.methodType(m.getReturnType(), m.getParameterTypes())).bindTo(entry);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }
}
