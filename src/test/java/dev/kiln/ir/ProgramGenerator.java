package dev.kiln.ir;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random Java methods for the frontend fuzzer ({@link FrontendFuzzTest}): structured control
 * flow (nested loops with labelled break and continue, switches with fall-through, try, catch
 * and finally, early returns and throws) over int, long, double and boolean locals and an
 * {@code int[]} parameter, with expressions that leave values on the operand stack across
 * branches (ternaries, {@code &&}/{@code ||}, assignments and increments as expressions,
 * array element updates). Every method terminates: loops run at most a few times, nothing
 * recurses. Every local is assigned before use, so javac accepts what is generated.
 *
 * <p>The same seed gives the same source.
 */
final class ProgramGenerator {
  /** Parameters of every generated method. */
  static final String PARAMS = "int a, int b, long c, double d, int[] arr";

  private static final String[] INTS = {"i0", "i1", "i2"};
  private static final String[] LONGS = {"l0", "l1"};
  private static final String[] DOUBLES = {"d0", "d1"};
  private static final String[] BOOLS = {"z0"};

  private final SplittableRandom r;
  private final StringBuilder sb = new StringBuilder();
  private int indent;
  private int fresh;
  /** Loop labels in scope, innermost last (null: an unlabelled loop). */
  private final List<String> loops = new ArrayList<>();
  private boolean inSwitch;

  ProgramGenerator(long seed) {
    this.r = new SplittableRandom(seed);
  }

  /** A class {@code pkg.name} with {@code methods} static methods {@code m0, m1...}. */
  static String generateClass(String pkg, String name, int methods, long seed) {
    ProgramGenerator g = new ProgramGenerator(seed);
    StringBuilder out = new StringBuilder();
    out.append("package ").append(pkg).append(";\n\n")
        .append("public final class ").append(name).append(" {\n")
        .append("  static final java.lang.invoke.MethodHandles.Lookup LOOKUP =\n")
        .append("      java.lang.invoke.MethodHandles.lookup();\n")
        .append("  static int counter;\n\n");
    for (int k = 0; k < methods; k++) {
      out.append(g.method("m" + k)).append('\n');
    }
    return out.append("}\n").toString();
  }

  String method(String name) {
    sb.setLength(0);
    indent = 1;
    loops.clear();
    inSwitch = false;
    line("public static int " + name + "(" + PARAMS + ") {");
    indent++;
    line("int i0 = a, i1 = b, i2 = " + intLiteral() + ";");
    line("long l0 = c, l1 = " + longLiteral() + ";");
    line("double d0 = d, d1 = " + doubleLiteral() + ";");
    line("boolean z0 = a > b;");
    block(3, 3 + r.nextInt(5));
    line("return i0 + 31 * i1 + 961 * i2 + (int) (l0 ^ (l1 >>> 7)) + (int) d0 + (int) (d1 * 3)"
        + " + (z0 ? 1 : 0) + counter;");
    indent--;
    line("}");
    return sb.toString();
  }

  private void line(String s) {
    sb.append("  ".repeat(indent)).append(s).append('\n');
  }

  private String pick(String[] xs) {
    return xs[r.nextInt(xs.length)];
  }

  private boolean chance(int percent) {
    return r.nextInt(100) < percent;
  }

  // ---------------------------------------------------------------- statements

  private void block(int depth, int statements) {
    for (int i = 0; i < statements; i++) {
      statement(depth);
    }
  }

  private void statement(int depth) {
    int k = r.nextInt(depth > 0 ? 16 : 7);
    switch (k) {
      case 0, 1 -> line(pick(INTS) + " = " + intExpr(3) + ";");
      case 2 -> line(pick(INTS) + " " + pick(new String[] {"+=", "-=", "*=", "^=", "<<=", ">>>="})
          + " " + intExpr(2) + ";");
      case 3 -> line(pick(LONGS) + " " + pick(new String[] {"=", "+=", "*=", "^="}) + " "
          + longExpr(2) + ";");
      case 4 -> line(pick(DOUBLES) + " " + pick(new String[] {"=", "+=", "*=", "/="}) + " "
          + doubleExpr(2) + ";");
      case 5 -> line(pick(BOOLS) + " " + pick(new String[] {"=", "&=", "|=", "^="}) + " "
          + boolExpr(2) + ";");
      case 6 -> line("arr[" + index() + "] " + pick(new String[] {"=", "+=", "-="}) + " "
          + intExpr(2) + ";");
      case 7, 8 -> ifStatement(depth);
      case 9 -> forLoop(depth);
      case 10 -> whileLoop(depth);
      case 11 -> switchStatement(depth);
      case 12, 13 -> tryStatement(depth);
      case 14 -> jump();
      default -> line("counter += " + intExpr(1) + ";");
    }
  }

  private void ifStatement(int depth) {
    line("if (" + boolExpr(3) + ") {");
    indent++;
    block(depth - 1, 1 + r.nextInt(3));
    indent--;
    if (chance(50)) {
      line("} else {");
      indent++;
      block(depth - 1, 1 + r.nextInt(3));
      indent--;
    }
    line("}");
  }

  private void forLoop(int depth) {
    String v = "t" + fresh++;
    String label = chance(30) ? "L" + fresh++ : null;
    line((label != null ? label + ": " : "") + "for (int " + v + " = 0; " + v + " < "
        + (1 + r.nextInt(4)) + "; " + v + "++) {");
    indent++;
    loops.add(label);
    boolean wasSwitch = inSwitch;
    inSwitch = false;
    line("i2 += " + v + ";");
    block(depth - 1, 1 + r.nextInt(4));
    inSwitch = wasSwitch;
    loops.remove(loops.size() - 1);
    indent--;
    line("}");
  }

  private void whileLoop(int depth) {
    String v = "w" + fresh++;
    line("int " + v + " = 0;");
    boolean isDo = chance(50);
    line(isDo ? "do {" : "while (" + v + " < " + (1 + r.nextInt(3)) + ") {");
    indent++;
    line(v + "++;"); // first, so that continue cannot loop forever
    loops.add(null);
    boolean wasSwitch = inSwitch;
    inSwitch = false;
    block(depth - 1, 1 + r.nextInt(3));
    inSwitch = wasSwitch;
    loops.remove(loops.size() - 1);
    indent--;
    line(isDo ? "} while (" + v + " < " + (1 + r.nextInt(3)) + ");" : "}");
  }

  private void switchStatement(int depth) {
    line("switch (" + intExpr(2) + " & 7) {");
    indent++;
    boolean wasSwitch = inSwitch;
    inSwitch = true;
    int cases = 1 + r.nextInt(4);
    List<Integer> used = new ArrayList<>();
    for (int c = 0; c < cases; c++) {
      int key = r.nextInt(8);
      if (used.contains(key)) {
        continue;
      }
      used.add(key);
      line("case " + key + ":");
      indent++;
      block(depth - 1, r.nextInt(3));
      if (chance(70)) {
        line("break;");
      }
      indent--;
    }
    if (chance(60)) {
      line("default:");
      indent++;
      block(depth - 1, 1 + r.nextInt(2));
      indent--;
    }
    inSwitch = wasSwitch;
    indent--;
    line("}");
  }

  private void tryStatement(int depth) {
    line("try {");
    indent++;
    block(depth - 1, 1 + r.nextInt(4));
    indent--;
    boolean any = false;
    if (chance(60)) {
      String e = "e" + fresh++;
      line("} catch (ArithmeticException " + e + ") {");
      indent++;
      line("i1 += " + (r.nextInt(9) + 1) + ";");
      block(depth - 1, r.nextInt(3));
      indent--;
      any = true;
    }
    if (chance(50)) {
      String e = "e" + fresh++;
      line("} catch (" + pick(new String[] {"ArrayIndexOutOfBoundsException",
          "NullPointerException", "IllegalStateException", "RuntimeException"}) + " " + e + ") {");
      indent++;
      line("i0 ^= " + (r.nextInt(99) + 1) + ";");
      block(depth - 1, r.nextInt(3));
      indent--;
      any = true;
    }
    if (!any || chance(40)) {
      line("} finally {");
      indent++;
      line("l1 += " + (r.nextInt(9) + 1) + ";");
      block(Math.min(depth - 1, 1), r.nextInt(2));
      indent--;
    }
    line("}");
  }

  /** A jump, always under a condition (javac rejects unreachable statements after it). */
  private void jump() {
    List<String> options = new ArrayList<>();
    options.add("return " + intExpr(2) + ";");
    options.add("throw new IllegalStateException(\"s\" + " + intExpr(1) + ");");
    if (!loops.isEmpty() || inSwitch) {
      options.add("break;");
    }
    if (!loops.isEmpty()) {
      options.add("continue;");
      String label = loops.get(r.nextInt(loops.size()));
      if (label != null) {
        options.add((chance(50) ? "break " : "continue ") + label + ";");
      }
    }
    line("if (" + boolExpr(2) + ") " + options.get(r.nextInt(options.size())));
  }

  // ---------------------------------------------------------------- expressions

  private String index() {
    return switch (r.nextInt(3)) {
      case 0 -> Integer.toString(r.nextInt(4));
      case 1 -> "(" + intExpr(1) + ") & 3";
      default -> intExpr(1);
    };
  }

  private String intLiteral() {
    return pick(new String[] {"0", "1", "-1", "2", "3", "7", "31", "32", "100", "-100",
        "Integer.MAX_VALUE", "Integer.MIN_VALUE", "0x55555555", "65535"});
  }

  private String longLiteral() {
    return pick(new String[] {"0L", "1L", "-1L", "63L", "64L", "1L << 40",
        "Long.MAX_VALUE", "Long.MIN_VALUE", "0x5555555555555555L"});
  }

  private String doubleLiteral() {
    return pick(new String[] {"0.0", "-0.0", "1.5", "-2.25", "1e300", "Double.NaN",
        "Double.POSITIVE_INFINITY", "Double.MIN_VALUE", "0.1"});
  }

  String intExpr(int depth) {
    if (depth <= 0 || chance(25)) {
      return switch (r.nextInt(5)) {
        case 0 -> intLiteral();
        case 1 -> pick(new String[] {"a", "b"});
        default -> pick(INTS);
      };
    }
    return switch (r.nextInt(16)) {
      case 0, 1, 2 -> "(" + intExpr(depth - 1) + " " + pick(new String[] {"+", "-", "*", "&",
          "|", "^"}) + " " + intExpr(depth - 1) + ")";
      case 3 -> "(" + intExpr(depth - 1) + " " + pick(new String[] {"/", "%"}) + " "
          + intExpr(depth - 1) + ")";
      case 4 -> "(" + intExpr(depth - 1) + " " + pick(new String[] {"<<", ">>", ">>>"}) + " "
          + intExpr(depth - 1) + ")";
      case 5 -> "(" + boolExpr(depth - 1) + " ? " + intExpr(depth - 1) + " : "
          + intExpr(depth - 1) + ")";
      case 6 -> "arr[" + index() + "]";
      case 7 -> "arr.length";
      case 8 -> "(int) (" + longExpr(depth - 1) + ")";
      case 9 -> "(int) (" + doubleExpr(depth - 1) + ")";
      case 10 -> "(" + pick(new String[] {"byte", "char", "short"}) + ") (" + intExpr(depth - 1)
          + ")";
      case 11 -> "Math." + pick(new String[] {"max", "min"}) + "(" + intExpr(depth - 1) + ", "
          + intExpr(depth - 1) + ")";
      case 12 -> pick(new String[] {"++", "--"}) + pick(INTS);
      case 13 -> pick(INTS) + pick(new String[] {"++", "--"});
      case 14 -> "(" + pick(INTS) + " = " + intExpr(depth - 1) + ")";
      default -> "arr[" + index() + "]++";
    };
  }

  String longExpr(int depth) {
    if (depth <= 0 || chance(30)) {
      return switch (r.nextInt(4)) {
        case 0 -> longLiteral();
        case 1 -> "c";
        default -> pick(LONGS);
      };
    }
    return switch (r.nextInt(7)) {
      case 0, 1 -> "(" + longExpr(depth - 1) + " " + pick(new String[] {"+", "-", "*", "&", "|",
          "^"}) + " " + longExpr(depth - 1) + ")";
      case 2 -> "(" + longExpr(depth - 1) + " " + pick(new String[] {"/", "%"}) + " "
          + longExpr(depth - 1) + ")";
      case 3 -> "(" + longExpr(depth - 1) + " " + pick(new String[] {"<<", ">>", ">>>"}) + " "
          + intExpr(depth - 1) + ")";
      case 4 -> "(long) " + intExpr(depth - 1);
      case 5 -> "(long) (" + doubleExpr(depth - 1) + ")";
      default -> "(" + boolExpr(depth - 1) + " ? " + longExpr(depth - 1) + " : "
          + intExpr(depth - 1) + ")";
    };
  }

  String doubleExpr(int depth) {
    if (depth <= 0 || chance(30)) {
      return switch (r.nextInt(4)) {
        case 0 -> doubleLiteral();
        case 1 -> "d";
        default -> pick(DOUBLES);
      };
    }
    return switch (r.nextInt(6)) {
      case 0, 1 -> "(" + doubleExpr(depth - 1) + " " + pick(new String[] {"+", "-", "*", "/",
          "%"}) + " " + doubleExpr(depth - 1) + ")";
      case 2 -> "(double) " + intExpr(depth - 1);
      case 3 -> "(float) (" + doubleExpr(depth - 1) + ")";
      case 4 -> "Math.sqrt(Math.abs(" + doubleExpr(depth - 1) + "))";
      default -> "(" + boolExpr(depth - 1) + " ? " + doubleExpr(depth - 1) + " : "
          + longExpr(depth - 1) + ")";
    };
  }

  String boolExpr(int depth) {
    if (depth <= 0 || chance(20)) {
      return pick(new String[] {"z0", "(" + intExpr(0) + " > " + intExpr(0) + ")",
          "(arr == null)"});
    }
    return switch (r.nextInt(9)) {
      case 0, 1 -> "(" + intExpr(depth - 1) + " " + pick(new String[] {"<", "<=", ">", ">=",
          "==", "!="}) + " " + intExpr(depth - 1) + ")";
      case 2 -> "(" + longExpr(depth - 1) + " " + pick(new String[] {"<", ">=", "=="}) + " "
          + longExpr(depth - 1) + ")";
      case 3 -> "(" + doubleExpr(depth - 1) + " " + pick(new String[] {"<", "<=", ">", ">=",
          "==", "!="}) + " " + doubleExpr(depth - 1) + ")";
      case 4 -> "(" + boolExpr(depth - 1) + " && " + boolExpr(depth - 1) + ")";
      case 5 -> "(" + boolExpr(depth - 1) + " || " + boolExpr(depth - 1) + ")";
      case 6 -> "!" + boolExpr(depth - 1);
      case 7 -> "(" + boolExpr(depth - 1) + " " + pick(new String[] {"^", "&", "|", "!="}) + " "
          + boolExpr(depth - 1) + ")";
      default -> "(" + pick(BOOLS) + " = " + boolExpr(depth - 1) + ")";
    };
  }
}
