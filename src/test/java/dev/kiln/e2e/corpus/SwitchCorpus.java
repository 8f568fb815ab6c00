package dev.kiln.e2e.corpus;

import dev.kiln.Jit;
import dev.kiln.e2e.Range;
import java.lang.invoke.MethodHandles;

/** tableswitch and lookupswitch: dense and sparse cases, fallthrough, switch expressions,
 * switches on char/byte/short, switches inside loops and switches that throw. */
public final class SwitchCorpus {
  static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

  private SwitchCorpus() {}

  @Jit
  public static int dense(int x) {
    switch (x) {
      case 0: return 10;
      case 1: return 11;
      case 2: return 13;
      case 3: return 17;
      case 4: return 19;
      case 5: return 23;
      case 7: return 29;
      default: return -1;
    }
  }

  @Jit
  public static int sparse(int x) {
    switch (x) {
      case Integer.MIN_VALUE: return 1;
      case -1000: return 2;
      case -5: return 3;
      case 1: return 4;
      case 10: return 5;
      case 100: return 6;
      case 1000: return 7;
      case 65536: return 8;
      case Integer.MAX_VALUE: return 9;
      default: return 0;
    }
  }

  /** Cases fall through into the next; the default sits in the middle. */
  @SuppressWarnings("fallthrough")
  @Jit
  public static int fallthrough(int x) {
    int r = 0;
    switch (x) {
      case 1:
        r += 1;
      case 2:
        r += 10;
        break;
      case 3:
        r += 100;
      default:
        r += 1000;
      case 5:
        r += 10000;
      case 6:
        r *= 2;
        break;
      case 8:
        return -8;
    }
    return r + x;
  }

  @Jit
  public static int switchExpression(int x) {
    return switch (x) {
      case 0, 1 -> 10;
      case 2 -> {
        int y = x * 3;
        yield y + 1;
      }
      case 3, 4, 5 -> x * x;
      case 100 -> -100;
      default -> -x;
    };
  }

  /** A switch expression whose result stays on the stack under an addition. */
  @Jit
  public static long switchExpressionOnStack(int x, long y) {
    return y + switch (x & 7) {
      case 0 -> 1L;
      case 1 -> y;
      case 2 -> y * y;
      case 6 -> {
        long t = y;
        for (int i = 0; i < 3; i++) {
          t = t * 2 + i;
        }
        yield t;
      }
      default -> (long) x;
    } * 3;
  }

  @SuppressWarnings("fallthrough")
  @Jit
  public static int[] classifyAll(int[] a) {
    int[] counts = new int[5];
    for (int v : a) {
      switch (v % 5) {
        case 0:
          counts[0]++;
          continue;
        case 1:
        case -1:
          counts[1]++;
          break;
        case 2:
          if (v > 10) {
            counts[2] += 2;
            break;
          }
          counts[2]++;
          break;
        case -4:
          counts[4]--;
          // fall through
        default:
          counts[3]++;
      }
      counts[4]++;
    }
    return counts;
  }

  @Jit
  public static int charClass(char c) {
    switch (c) {
      case ' ':
      case '\t':
      case '\n':
        return 0;
      case '0': case '1': case '2': case '3': case '4':
      case '5': case '6': case '7': case '8': case '9':
        return 1;
      case '+': case '-': case '*': case '/':
        return 2;
      case '\uffff':
        return 3;
      default:
        return c < 128 ? 4 : 5;
    }
  }

  @Jit
  public static int byteAndShort(byte b, short s) {
    int r;
    switch (b) {
      case -128: r = 1; break;
      case -1: r = 2; break;
      case 0: r = 3; break;
      case 127: r = 4; break;
      default: r = 5;
    }
    switch (s) {
      case Short.MIN_VALUE: return r * 10 + 1;
      case 256: return r * 10 + 2;
      case 1024: return r * 10 + 3;
      case Short.MAX_VALUE: return r * 10 + 4;
      default: return r * 10;
    }
  }

  @Jit
  public static int nested(@Range(min = -1, max = 4) int a, @Range(min = -1, max = 4) int b) {
    switch (a) {
      case 0:
        switch (b) {
          case 0: return 0;
          case 1: return 1;
          default: return 2;
        }
      case 1:
        switch (b) {
          case 100: return -1;
          case 3:
          case 4:
            return 3;
          default:
            break;
        }
        return 4;
      case 2:
        return b == 2 ? 5 : 6;
      default:
        return 7;
    }
  }

  @Jit
  public static int throwingSwitch(@Range(min = -2, max = 6) int x) {
    switch (x) {
      case 0: return 1;
      case 1: return 2;
      case 2: throw new IllegalStateException("two is not allowed");
      case 3: return 4;
      default: throw new IllegalArgumentException("bad: " + x);
    }
  }

  /** A little DFA: accepts runs of the form 1 0* 2, counting accepted tokens. */
  @Jit
  public static int stateMachine(@Range(min = -1, max = 3) int[] input) {
    int state = 0;
    int accepted = 0;
    for (int sym : input) {
      state = switch (state) {
        case 0 -> sym == 1 ? 1 : 0;
        case 1 -> switch (sym) {
          case 0 -> 1;
          case 2 -> 2;
          default -> 0;
        };
        case 2 -> {
          accepted++;
          yield sym == 1 ? 1 : 0;
        }
        default -> throw new IllegalStateException("state " + state);
      };
    }
    return state == 2 ? accepted + 1 : accepted;
  }

  @Jit
  public static int switchOnLongBits(long l) {
    switch ((int) (l >>> 60)) {
      case 0: return 0;
      case 1: case 2: case 3: return 1;
      case 7: return 7;
      case 8: return -8;
      case 15: return -1;
      default: return 100;
    }
  }

  /** Large sparse switch with negative and widely spread keys. */
  @Jit
  public static int sparseWide(int x) {
    switch (x >> 3) {
      case -268435456: return 1;
      case -77: return 2;
      case -3: return 3;
      case 0: return 4;
      case 9: return 5;
      case 4096: return 6;
      case 1 << 20: return 7;
      case 268435455: return 8;
      default: return x & 3;
    }
  }
}
