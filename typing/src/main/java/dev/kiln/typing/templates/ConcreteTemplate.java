package dev.kiln.typing.templates;

import dev.kiln.typing.KType;
import dev.kiln.typing.Signature;
import dev.kiln.typing.Types;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A fixed list of signatures (Numba's {@code ConcreteTemplate}): the first whose argument types
 * equal the actual ones wins; failing that, the first the actual types convert to.
 */
public final class ConcreteTemplate implements Template {
  private final List<Signature> cases;

  public ConcreteTemplate(List<Signature> cases) {
    this.cases = List.copyOf(cases);
  }

  public static ConcreteTemplate of(Signature... cases) {
    return new ConcreteTemplate(List.of(cases));
  }

  public List<Signature> cases() {
    return cases;
  }

  @Override
  public Signature resolve(List<KType> args) {
    for (Signature s : cases) {
      if (s.args().equals(args)) {
        return s;
      }
    }
    outer:
    for (Signature s : cases) {
      if (s.args().size() != args.size()) {
        continue;
      }
      for (int i = 0; i < args.size(); i++) {
        if (!Types.convertible(args.get(i), s.args().get(i))) {
          continue outer;
        }
      }
      return s;
    }
    return null;
  }

  @Override
  public String describe() {
    return cases.stream().map(Signature::toString).collect(Collectors.joining(", "));
  }
}
