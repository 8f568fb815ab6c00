package dev.kiln.lowering;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Type;

/**
 * A value flattened into several locals, one per member (Numba's {@code StructModel}); members
 * are named so attribute lowerings can find them ({@code make_attribute_wrapper}).
 */
public record StructModel(List<Member> members) implements DataModel {
  /** One named member and its model. */
  public record Member(String name, DataModel model) {}

  public StructModel {
    members = List.copyOf(members);
  }

  @Override
  public List<Type> parts() {
    List<Type> r = new ArrayList<>();
    for (Member m : members) {
      r.addAll(m.model().parts());
    }
    return r;
  }

  /** Slot offset of member {@code name} from the value's first slot. */
  public int offsetOf(String name) {
    int off = 0;
    for (Member m : members) {
      if (m.name().equals(name)) {
        return off;
      }
      off += m.model().slots();
    }
    throw new IllegalArgumentException("no member " + name + " in " + this);
  }
}
