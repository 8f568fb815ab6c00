package dev.kiln.lowering;

import dev.kiln.typing.TypedMethod;
import java.util.List;

/**
 * One class to generate: the specialization of a method and the callees linked into it.
 *
 * @param internalName the class's internal name; it must be in {@code host}'s package
 * @param host         the user's class the unit is compiled for; access is judged as from its
 *                     package, and members it may reach but the unit may not are reached
 *                     through {@link #BOOTSTRAPS}. The unit never initializes it: whoever runs
 *                     the unit must have (the dispatcher does, where the original's
 *                     {@code invokestatic} would), so the unit's code pays no check for it
 * @param sourceFile   the user's source file name, written as the unit's {@code SourceFile}
 * @param methods      the methods, entry first
 * @param registry     the lowerings in force
 * @param genericEntry the internal name of an abstract superclass with a constructor
 *                     {@code ()V}, {@code abstract Object invoke(Object[])} and static
 *                     {@code asInt(Object)}-style conversions, for which the unit generates its
 *                     generic entry ({@link GenericEntry}); {@code null} for none (the unit then
 *                     extends {@code Object} and has no instances)
 */
public record CompileUnit(String internalName, Class<?> host, String sourceFile,
                          List<UnitMethod> methods, LoweringRegistry registry,
                          String genericEntry) {
  /** Internal name of the runtime class whose bootstrap methods link private members. */
  public static final String BOOTSTRAPS = "dev/kiln/dispatch/Bootstraps";

  public CompileUnit {
    methods = List.copyOf(methods);
  }

  /**
   * A method of the unit.
   *
   * @param name   its name in the unit
   * @param method the typed method; the unit method's descriptor is its signature's
   * @param entry  whether it is the entry (public); callees are package-private
   */
  public record UnitMethod(String name, TypedMethod method, boolean entry) {}
}
