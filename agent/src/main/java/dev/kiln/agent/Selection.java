package dev.kiln.agent;

import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.description.annotation.AnnotationDescription;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;

/**
 * Which methods of a class the agent rewrites: those annotated {@code @Jit}, and those an
 * agent pattern names. Works on a type-pool description, so choosing never loads a class: the
 * annotation is recognized by its type's name ({@code dev.kiln.Jit}).
 */
final class Selection {
  static final String JIT = "dev.kiln.Jit";
  static final String JIT_DESCRIPTOR = "Ldev/kiln/Jit;";
  /** Suffix of the private synthetic method that keeps a rewritten method's original body. */
  static final String ORIGINAL_SUFFIX = "$kiln$original";

  /** One method to rewrite. */
  record Target(String name, String descriptor, boolean isStatic, boolean annotated) {
    String key() {
      return name + descriptor;
    }

    String originalName() {
      return name + ORIGINAL_SUFFIX;
    }
  }

  private Selection() {}

  /** The methods of {@code type} to rewrite; empty if none (or if it was rewritten already). */
  static List<Target> of(TypeDescription type, AgentArgs args) {
    List<Target> targets = new ArrayList<>();
    boolean byPattern = args.selectsClass(type.getName());
    for (MethodDescription.InDefinedShape m : type.getDeclaredMethods()) {
      if (m.getName().endsWith(ORIGINAL_SUFFIX)) {
        return List.of(); // rewritten before (a class defined twice from rewritten bytes)
      }
      if (m.isConstructor() || m.isTypeInitializer() || m.isAbstract() || m.isNative()
          || m.isSynthetic() || m.isBridge()) {
        continue;
      }
      boolean annotated = isJit(m);
      if (annotated || byPattern && args.selects(type.getName(), m.getName())) {
        targets.add(new Target(m.getName(), m.getDescriptor(), m.isStatic(), annotated));
      }
    }
    return targets;
  }

  private static boolean isJit(MethodDescription m) {
    for (AnnotationDescription a : m.getDeclaredAnnotations()) {
      if (a.getAnnotationType().getName().equals(JIT)) {
        return true;
      }
    }
    return false;
  }
}
