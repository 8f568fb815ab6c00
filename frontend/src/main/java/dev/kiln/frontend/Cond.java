package dev.kiln.frontend;

/** Branch conditions of {@code if<cond>} and {@code if_icmp<cond>}/{@code if_acmp<cond>}. */
public enum Cond {
  EQ("=="), NE("!="), LT("<"), GE(">="), GT(">"), LE("<=");

  private final String key;

  Cond(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  /** The condition that holds exactly when this one does not. */
  public Cond negate() {
    return switch (this) {
      case EQ -> NE;
      case NE -> EQ;
      case LT -> GE;
      case GE -> LT;
      case GT -> LE;
      case LE -> GT;
    };
  }
}
