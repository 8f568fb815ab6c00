package dev.kiln.e2e.objects.corpus;

import dev.kiln.Jit;
import dev.kiln.e2e.NonNull;
import dev.kiln.e2e.Range;
import dev.kiln.e2e.Size;
import dev.kiln.e2e.Strings;
import java.lang.invoke.MethodHandles;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;

/**
 * Enums: {@code values()}, {@code ordinal()}, {@code name()}, {@code valueOf} (and its
 * IllegalArgumentException), enums with fields and constructors, constant-specific class
 * bodies (each constant its own class, so an {@code Op} parameter has several exact classes),
 * switch statements and switch expressions on enums (javac reads the ordinal through a
 * synthetic {@code $SwitchMap} class), EnumSet and EnumMap.
 */
public final class EnumCorpus {
  static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

  private EnumCorpus() {}

  public enum Color {
    RED, GREEN, BLUE, YELLOW;

    public Color next() {
      Color[] all = values();
      return all[(ordinal() + 1) % all.length];
    }
  }

  public enum Planet {
    MERCURY(3.303e+23, 2.4397e6),
    EARTH(5.976e+24, 6.37814e6),
    JUPITER(1.9e+27, 7.1492e7);

    private final double mass;
    private final double radius;

    Planet(double mass, double radius) {
      this.mass = mass;
      this.radius = radius;
    }

    public double surfaceGravity() {
      return 6.67300E-11 * mass / (radius * radius);
    }
  }

  /** Constant-specific bodies: every constant is an instance of its own anonymous class. */
  public enum Op {
    ADD("+") {
      @Override
      public int apply(int a, int b) {
        return a + b;
      }
    },
    SUB("-") {
      @Override
      public int apply(int a, int b) {
        return a - b;
      }
    },
    MUL("*") {
      @Override
      public int apply(int a, int b) {
        return a * b;
      }
    },
    DIV("/") {
      @Override
      public int apply(int a, int b) {
        return a / b;
      }

      @Override
      public String symbol() {
        return "div";
      }
    };

    private final String symbol;

    Op(String symbol) {
      this.symbol = symbol;
    }

    public abstract int apply(int a, int b);

    public String symbol() {
      return symbol;
    }
  }

  @Jit
  public static int colorCode(Color c) {
    switch (c) {
      case RED:
        return 0xff0000;
      case GREEN:
        return 0x00ff00;
      case BLUE:
        return 0x0000ff;
      default:
        return -1;
    }
  }

  @Jit
  public static String colorWord(Color c) {
    return switch (c) {
      case RED -> "warm";
      case YELLOW -> {
        String s = "warm";
        yield s + "ish";
      }
      case GREEN, BLUE -> "cool";
    };
  }

  @Jit
  public static int ordinalOf(Color c) {
    return c.ordinal() * 10 + c.name().length();
  }

  @Jit
  public static Color next(Color c) {
    return c.next().next();
  }

  @Jit
  public static int valuesLength() {
    return Color.values().length * 100 + Planet.values().length * 10 + Op.values().length;
  }

  @Jit
  public static Color parse(@Strings({"RED", "GREEN", "BLUE", "YELLOW", "red", "PURPLE"})
                            String s) {
    return Color.valueOf(s);
  }

  @Jit
  public static double gravity(Planet p) {
    return p.surfaceGravity();
  }

  /** A virtual call whose receiver has one of four exact classes. */
  @Jit
  public static int apply(Op op, int a, int b) {
    return op.apply(a, b);
  }

  @Jit
  public static String opSymbol(Op op) {
    return op.symbol() + op.name() + op.ordinal() + op.getDeclaringClass().getSimpleName();
  }

  @Jit
  public static int opSwitch(@NonNull Op op, @Range(min = -3, max = 9) int a) {
    return switch (op) {
      case ADD -> a + 1;
      case SUB -> a - 1;
      case MUL -> a * 2;
      case DIV -> 100 / a;
    };
  }

  @Jit
  public static int compareColors(Color a, Color b) {
    return a.compareTo(b);
  }

  @Jit
  public static String nameAndString(Color c) {
    return c.name() + "/" + c + "/" + String.valueOf(c).toLowerCase(java.util.Locale.ROOT);
  }

  @Jit
  public static int countByOrdinal(@Size(max = 12) Color[] cs) {
    int[] counts = new int[Color.values().length];
    for (Color c : cs) {
      counts[c.ordinal()]++;
    }
    int r = 0;
    for (int n : counts) {
      r = r * 13 + n;
    }
    return r;
  }

  @Jit
  public static boolean isWarm(Color c) {
    switch (c) {
      case RED, YELLOW:
        return true;
      default:
        return false;
    }
  }

  @Jit
  public static String planetsSummary() {
    StringBuilder sb = new StringBuilder();
    for (Planet p : Planet.values()) {
      sb.append(p.name().charAt(0)).append(Math.round(p.surfaceGravity())).append(';');
    }
    return sb.toString();
  }

  @Jit
  public static Color fromOrdinal(@Range(min = -1, max = 5) int i) {
    return Color.values()[i];
  }

  @Jit
  public static String enumSet(Color a, Color b) {
    EnumSet<Color> set = EnumSet.of(a, b);
    EnumSet<Color> rest = EnumSet.complementOf(set);
    return set + " " + rest + " " + set.contains(Color.RED);
  }

  @Jit
  public static String enumMap(@Size(max = 12) @NonNull Color[] cs) {
    Map<Color, Integer> m = new EnumMap<>(Color.class);
    for (Color c : cs) {
      m.merge(c, 1, Integer::sum);
    }
    return m.toString();
  }

  @Jit
  public static int switchOnOrdinalOfValues(@Range(min = 0, max = 3) int i) {
    Color c = Color.values()[i];
    int r = 0;
    switch (c) {
      case YELLOW:
        r += 1;
        // fall through
      case BLUE:
        r += 10;
        // fall through
      case GREEN:
        r += 100;
        break;
      case RED:
        r = -1;
        break;
    }
    return r;
  }
}
