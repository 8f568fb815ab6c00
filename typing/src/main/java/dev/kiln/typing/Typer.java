package dev.kiln.typing;

import dev.kiln.frontend.IrMethod;
import java.util.List;

/** Kiln's typing stage: IR plus argument types in, {@link TypedMethod} out. */
public final class Typer {
  private Typer() {}

  /**
   * Infers a type for every value of {@code ir} given its argument types.
   *
   * @param ir     the method
   * @param args   one type per parameter, receiver first for instance methods
   * @param ctx    the templates in force
   * @param loader resolves class names the bytecode mentions (loaded, not initialized)
   * @param calls  decides which calls link into the unit
   * @throws TypingError naming file, line, operation and types when an operation cannot be typed
   */
  public static TypedMethod infer(IrMethod ir, List<KType> args, TypingContext ctx,
                                  ClassLoader loader, CallResolver calls) {
    return new TypeInference(ir, List.copyOf(args), ctx, loader, calls).run();
  }
}
