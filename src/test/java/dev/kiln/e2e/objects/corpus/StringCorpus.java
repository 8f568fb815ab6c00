package dev.kiln.e2e.objects.corpus;

import dev.kiln.Jit;
import dev.kiln.e2e.Range;
import dev.kiln.e2e.Size;
import dev.kiln.e2e.Strings;
import java.lang.invoke.MethodHandles;
import java.util.Locale;

/**
 * Strings: concatenation (javac's {@code invokedynamic makeConcatWithConstants}, with every
 * primitive type, null, objects, and constants holding the recipe's tag characters),
 * {@code StringBuilder} (built in the method, and passed in and mutated), and the usual
 * {@code String} methods with the exceptions they throw.
 */
public final class StringCorpus {
  static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

  private StringCorpus() {}

  @Jit
  public static String concatPrimitives(int i, long l, double d, char c, boolean b) {
    return "i=" + i + " l=" + l + " d=" + d + " c=" + c + " b=" + b;
  }

  @Jit
  public static String concatFloatShortByte(float f, short s, byte b) {
    return f + "|" + s + "|" + b + "|" + (f + s) + (s + b);
  }

  @Jit
  public static String concatObjects(String s, Integer i, CharSequence cs) {
    return s + i + cs + null + '!';
  }

  /** Constants holding \u0001 and \u0002, the recipe's own tag characters. */
  @Jit
  public static String concatTagChars(String s, int x) {
    return "\u0001" + s + "\u0002" + x + "\u0001\u0002";
  }

  @Jit
  public static String concatMany(int a, int b, int c, int d, double e, String f, long g) {
    return a + "," + b + "," + c + "," + d + "," + e + "," + f + "," + g + "," + a + b + c + d
        + (e + g) + f + f;
  }

  @Jit
  public static String concatInLoop(@Range(min = -1, max = 30) int n) {
    String s = "";
    for (int i = 0; i < n; i++) {
      s += i % 10;
    }
    return s;
  }

  @Jit
  public static String builder(int[] xs) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < xs.length; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(xs[i]);
    }
    sb.append(']');
    sb.insert(0, xs.length).reverse().setLength(Math.max(0, sb.length() - 1));
    return sb.toString();
  }

  @Jit
  public static String builderAppendAll(int i, long l, double d, float f, char c, boolean z) {
    StringBuilder sb = new StringBuilder();
    sb.append(i).append(l).append(d).append(f).append(c).append(z).append((Object) null)
        .append((String) null).append(new char[] {'x', 'y'}).append("abc", 1, 2)
        .appendCodePoint(0x1F600);
    return sb.toString() + sb.length() + sb.indexOf("y") + sb.charAt(0);
  }

  /** A StringBuilder argument mutated in place (compared afterwards). */
  @Jit
  public static int mutateBuilder(StringBuilder sb, int x) {
    sb.append(x).insert(0, '[').append(']');
    sb.deleteCharAt(sb.length() - 1);
    return sb.length();
  }

  @Jit
  public static String reverse(String s) {
    return new StringBuilder(s).reverse().toString();
  }

  @Jit
  public static int countChar(String s, char c) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == c) {
        n++;
      }
    }
    return n;
  }

  @Jit
  public static String substring(@Strings({"hello world", "abcdef", "ab", ""}) String s,
                                 @Range(min = -1, max = 5) int a,
                                 @Range(min = 0, max = 12) int b) {
    return s.substring(a, b);
  }

  @Jit
  public static int parseInt(@Strings({"42", "-7", "007", "2147483647", "2147483648", "+5",
      "", "x1", " 3", "-2147483648"}) String s) {
    return Integer.parseInt(s);
  }

  @Jit
  public static long parseOrDefault(String s) {
    try {
      return Long.parseLong(s.trim());
    } catch (NumberFormatException e) {
      return -e.getMessage().length();
    }
  }

  @Jit
  public static double parseDouble(@Strings({"3.5", "-0.0", "1e10", "NaN", "-Infinity",
      "0x1p3", "abc", ".5", "1_0", "  2.5  ", "1e400"}) String s) {
    return Double.parseDouble(s);
  }

  @Jit
  public static String caseAndTrim(String s) {
    return s.toUpperCase(Locale.ROOT) + "|" + s.toLowerCase(Locale.ROOT) + "|" + s.trim() + "|"
        + s.strip() + "|" + s.isBlank();
  }

  @Jit
  public static boolean isPalindrome(String s) {
    int i = 0;
    int j = s.length() - 1;
    while (i < j) {
      if (s.charAt(i++) != s.charAt(j--)) {
        return false;
      }
    }
    return true;
  }

  @Jit
  public static String join(@Size(max = 6) String[] words) {
    return String.join(",", words) + ";" + words.length;
  }

  @Jit
  public static String[] split(String s) {
    return s.split(",");
  }

  @Jit
  public static int compare(String a, String b) {
    return Integer.signum(a.compareTo(b)) * 10 + Integer.signum(a.compareToIgnoreCase(b));
  }

  @Jit
  public static String repeatAndFormat(String s, @Range(min = -1, max = 4) int n) {
    return s.repeat(n) + String.format(Locale.ROOT, "%s:%d:%.2f", s, n, n / 3.0);
  }

  @Jit
  public static String fromChars(char[] cs, @Range(min = -1, max = 6) int n) {
    return new String(cs) + "/" + String.valueOf(cs, 0, n) + "/" + String.valueOf(cs.length);
  }

  @Jit
  public static int indexes(String s, @Strings({"a", "b", "", "ab", "zz"}) String t) {
    return s.indexOf(t) * 10000 + s.lastIndexOf(t) * 100 + (s.contains(t) ? 1 : 0)
        + (s.startsWith(t) ? 2 : 0) + (s.endsWith(t) ? 4 : 0);
  }

  @Jit
  public static int equalsVariants(@Strings({"abc", "ABC", "Abc", "x", ""}) String a,
                                   @Strings({"abc", "ABC", "aBC", "x", ""}) String b) {
    return (a.equals(b) ? 1 : 0) + (a.equalsIgnoreCase(b) ? 2 : 0)
        + (a.contentEquals(new StringBuilder(b)) ? 4 : 0) + (a.equals(b.toLowerCase()) ? 8 : 0);
  }

  @Jit
  public static long hashStrings(@Size(max = 8) String[] xs) {
    long h = 0;
    for (String x : xs) {
      h = h * 31 + (x == null ? 7 : x.hashCode());
    }
    return h;
  }

  @Jit
  public static String charsAndCodePoints(String s) {
    StringBuilder sb = new StringBuilder();
    for (char c : s.toCharArray()) {
      sb.append((int) c).append(' ');
    }
    return sb.append(s.codePointCount(0, s.length())).append(s.chars().max().orElse(-1))
        .toString();
  }

  @Jit
  public static String valueOfs(int i, double d, boolean b, char c) {
    return String.valueOf(i) + String.valueOf(d) + String.valueOf(b) + String.valueOf(c)
        + Integer.toString(i, 16) + Long.toHexString(i) + Double.toString(d) + Integer.toBinaryString(i);
  }

  @Jit
  public static String replaceAndIntern(String s) {
    String r = s.replace('a', 'b').replace("bb", "c");
    return r + (r.intern() == r.intern()) + s.isEmpty();
  }


  /** Literals are interned JVM-wide: compiled code sees the same objects. */
  @Jit
  public static String literalIdentity(@Strings({"abc", "Hello", "x"}) String s) {
    String built = new StringBuilder("ab").append('c').toString();
    return (s == "abc") + "," + (s == "Hello") + "," + (built == "abc") + ","
        + (built.intern() == "abc") + "," + (s != null && s.equals(built));
  }
}
