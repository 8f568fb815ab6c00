package dev.kiln.agent;

import dev.kiln.dispatch.Dispatchers;
import dev.kiln.frontend.CompileError;
import java.lang.invoke.CallSite;
import java.lang.invoke.ConstantCallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;

/**
 * The bootstrap of the {@code invokedynamic} the agent plants in each rewritten method. It runs
 * the first time the method is called, not when its class loads: it makes the method's
 * dispatcher (through {@link Dispatchers#linkAgentSite}) and returns its inline cache as the
 * call site. Methods with {@code @Jit(signatures = ...)} compile here.
 *
 * <p>If linking fails for an internal reason the method runs its original body from then on,
 * reported once. A compile error of an explicit signature under {@code nopython = true} is
 * the user's to see: the site then throws it at every call, as a call through the dispatcher
 * would.
 *
 * <p>Public only because rewritten classes name it in their constant pool; not an API.
 */
public final class AgentLinker {
  private AgentLinker() {}

  /**
   * Links the site of method {@code name} of {@code caller}'s class.
   *
   * @param type         the method's type, receiver first for instance methods
   * @param originalName the private method that holds the original body
   */
  public static CallSite link(MethodHandles.Lookup caller, String name, MethodType type,
                              String originalName) {
    try {
      return Dispatchers.linkAgentSite(caller, name, type, originalName);
    } catch (CompileError e) {
      MethodHandle thrower = MethodHandles.throwException(type.returnType(), e.getClass())
          .bindTo(e);
      return new ConstantCallSite(MethodHandles.dropArguments(thrower, 0, type.parameterList()));
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Throwable t) {
      String where = caller.lookupClass().getName() + "." + name + type;
      try {
        MethodHandle original = original(caller, type, originalName);
        AgentLog.once("link " + where, "cannot link " + where + " to its dispatcher, so it runs "
            + "its original body: " + AgentLog.describe(t));
        return new ConstantCallSite(original.asType(type));
      } catch (ReflectiveOperationException | RuntimeException e) {
        e.addSuppressed(t);
        throw new IllegalStateException("Kiln cannot link " + where + ": " + t, e);
      }
    }
  }

  /** The method holding the original body, as a handle of {@code type}. */
  static MethodHandle original(MethodHandles.Lookup caller, MethodType type, String originalName)
      throws ReflectiveOperationException {
    Class<?> owner = caller.lookupClass();
    List<Class<?>> params = type.parameterList();
    for (Method m : owner.getDeclaredMethods()) {
      if (!m.getName().equals(originalName)) {
        continue;
      }
      List<Class<?>> mp = Arrays.asList(m.getParameterTypes());
      MethodType mt = MethodType.methodType(m.getReturnType(), m.getParameterTypes());
      if (Modifier.isStatic(m.getModifiers())) {
        if (mp.equals(params)) {
          return caller.findStatic(owner, originalName, mt);
        }
      } else if (!params.isEmpty() && params.get(0) == owner
          && mp.equals(params.subList(1, params.size()))) {
        return caller.findSpecial(owner, originalName, mt, owner);
      }
    }
    throw new NoSuchMethodException(owner.getName() + "." + originalName + type);
  }
}
