package dev.kiln.e2e.objects.corpus;

import dev.kiln.Jit;
import dev.kiln.e2e.Range;
import dev.kiln.e2e.Size;
import dev.kiln.e2e.Strings;
import java.lang.invoke.MethodHandles;

/**
 * Switch on strings (javac: a switch on {@code hashCode()}, then {@code equals} chains, then a
 * second switch on the index; strings with equal hash codes such as "Aa" and "BB" share a case)
 * and switch expressions with arrows, multiple labels, blocks and {@code yield}.
 */
public final class SwitchExprCorpus {
  static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

  private SwitchExprCorpus() {}

  @Jit
  public static int keyword(@Strings({"if", "else", "while", "for", "return", "do", "", "IF"})
                            String s) {
    int r = 0;
    switch (s) {
      case "if":
        r = 1;
        break;
      case "else":
        r = 2;
        // fall through
      case "while":
        r += 3;
        break;
      case "for":
      case "do":
        r = 4;
        break;
      case "":
        r = 5;
        break;
      default:
        r = -1;
    }
    return r;
  }

  /** "Aa" and "BB" (and "AaAa", "BBBB", "AaBB", "BBAa") have equal hash codes. */
  @Jit
  public static int hashCollisions(@Strings({"Aa", "BB", "AaAa", "BBBB", "AaBB", "BBAa", "C#"})
                                   String s) {
    switch (s) {
      case "Aa":
        return 1;
      case "BB":
        return 2;
      case "AaAa":
        return 3;
      case "BBBB":
        return 4;
      case "AaBB":
        return 5;
      default:
        return s.hashCode();
    }
  }

  @Jit
  public static String dayKind(@Strings({"MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN", "mon"})
                               String day) {
    return switch (day) {
      case "SAT", "SUN" -> "weekend";
      case "MON", "TUE", "WED", "THU" -> "weekday";
      case "FRI" -> {
        String s = "almost";
        yield s + " weekend";
      }
      default -> "unknown " + day.length();
    };
  }

  @Jit
  public static int yieldBlocks(@Range(min = -2, max = 8) int x) {
    int r = switch (x) {
      case 0 -> 100;
      case 1, 2, 3 -> {
        int t = x * x;
        yield t + 1;
      }
      case 4 -> {
        if (x > 3) {
          yield -4;
        }
        yield 4;
      }
      default -> {
        int acc = 0;
        for (int i = 0; i < x; i++) {
          acc += i;
        }
        yield acc;
      }
    };
    return r * 3;
  }

  @Jit
  public static long sparseSwitchExpression(int x) {
    return switch (x) {
      case -1000000 -> 1L;
      case 7 -> 2L;
      case 1 << 20 -> 3L;
      case Integer.MAX_VALUE -> 4L;
      case Integer.MIN_VALUE -> 5L;
      default -> (long) x * 2;
    };
  }

  @Jit
  public static int charSwitch(char c) {
    return switch (c) {
      case 'a', 'e', 'i', 'o', 'u' -> 1;
      case 'y' -> 2;
      case '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' -> c - '0' + 10;
      default -> Character.isLetter(c) ? 3 : 0;
    };
  }

  @Jit
  public static int nestedSwitch(@Strings({"a", "b", "c"}) String s,
                                 @Range(min = 0, max = 3) int k) {
    return switch (s) {
      case "a" -> switch (k) {
        case 0 -> 1;
        case 1 -> 2;
        default -> 3;
      };
      case "b" -> {
        switch (k) {
          case 0:
            yield 10;
          default:
            yield 20 + k;
        }
      }
      default -> -k;
    };
  }

  /** A null string in a switch throws NullPointerException. */
  @Jit
  public static int nullStringSwitch(@Strings({"x", "y"}) String s) {
    switch (s) {
      case "x":
        return 1;
      default:
        return 0;
    }
  }

  @Jit
  public static String fallthroughTrace(@Range(min = -1, max = 5) int x) {
    StringBuilder sb = new StringBuilder();
    switch (x) {
      case 0:
        sb.append('a');
      case 1:
        sb.append('b');
      case 2:
        sb.append('c');
        break;
      case 3:
        sb.append('d');
      default:
        sb.append('z');
    }
    return sb.toString();
  }

  @Jit
  public static int countKeywords(@Size(max = 10) @Strings({"int", "long", "class", "x", "y"})
                                  String[] words) {
    int n = 0;
    for (String w : words) {
      if (w == null) {
        continue;
      }
      switch (w) {
        case "int", "long" -> n += 1;
        case "class" -> n += 10;
        default -> n += 100;
      }
    }
    return n;
  }

  @Jit
  public static String yieldStrings(@Strings({"red", "green", "blue", "Aa", "BB"}) String s,
                                    int n) {
    String r = switch (s) {
      case "red" -> {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < (n & 3); i++) {
          sb.append('r');
        }
        yield sb.toString();
      }
      case "Aa" -> "collide-a";
      case "BB" -> "collide-b";
      case "green", "blue" -> s.toUpperCase();
      default -> throw new IllegalArgumentException("no colour " + s);
    };
    return r + n;
  }

  @Jit
  public static int switchOnStringLength(@Strings({"", "a", "ab", "abc"}) String s) {
    return switch (s.length()) {
      case 0 -> 0;
      case 1 -> s.charAt(0);
      default -> s.charAt(0) * 1000 + s.charAt(s.length() - 1);
    };
  }

  /** A switch expression as an argument and in a loop condition. */
  @Jit
  public static int switchInExpression(@Range(min = 0, max = 30) int n) {
    int total = 0;
    for (int i = 0; i < n; i++) {
      total += Math.max(switch (i % 4) {
        case 0 -> i;
        case 1 -> -i;
        default -> i / 2;
      }, 1);
    }
    return total;
  }
}
