package dev.kiln.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The agent's arguments: {@code -javaagent:kiln.jar=jit=com.acme.Kernels#dot,org.foo.*#*}.
 *
 * <p>Options are separated by {@code ;}, each {@code key=value}. The one key so far is
 * {@code jit}: a comma-separated list of method patterns {@code classGlob#methodGlob}
 * ({@code #methodGlob} may be left out, meaning every method). In a glob {@code *} stands for
 * any run of characters, dots and {@code $} included (so {@code org.foo.*} also takes the
 * classes of sub-packages), and {@code ?} for any one character. Class names are binary names
 * ({@code a.b.Outer$Inner}). Methods a pattern selects are rewritten as {@code @Jit} ones are,
 * with the default options.
 */
final class AgentArgs {
  static final AgentArgs NONE = new AgentArgs(List.of());

  final List<MethodPattern> patterns;

  private AgentArgs(List<MethodPattern> patterns) {
    this.patterns = List.copyOf(patterns);
  }

  /** Parses agent arguments; {@code null} or blank means none. */
  static AgentArgs parse(String args) {
    if (args == null || args.isBlank()) {
      return NONE;
    }
    List<MethodPattern> patterns = new ArrayList<>();
    for (String option : args.split(";")) {
      String o = option.strip();
      if (o.isEmpty()) {
        continue;
      }
      int eq = o.indexOf('=');
      String key = eq < 0 ? o : o.substring(0, eq).strip();
      String value = eq < 0 ? "" : o.substring(eq + 1).strip();
      if (key.equals("jit")) {
        for (String p : value.split(",")) {
          if (!p.isBlank()) {
            patterns.add(MethodPattern.parse(p.strip()));
          }
        }
      } else {
        throw new IllegalArgumentException("unknown Kiln agent option '" + key
            + "' (the agent takes jit=classGlob#methodGlob,...)");
      }
    }
    return new AgentArgs(patterns);
  }

  /** Whether some pattern may select methods of the class {@code binaryName}. */
  boolean selectsClass(String binaryName) {
    for (MethodPattern p : patterns) {
      if (p.matchesClass(binaryName)) {
        return true;
      }
    }
    return false;
  }

  /** Whether some pattern selects {@code binaryName#method}. */
  boolean selects(String binaryName, String method) {
    for (MethodPattern p : patterns) {
      if (p.matchesClass(binaryName) && p.matchesMethod(method)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return key();
  }

  /** The arguments in a canonical form, {@code jit=[p, q]}: part of a cached rewrite's key. */
  String key() {
    return "jit=" + patterns;
  }

  /** One {@code classGlob#methodGlob}. */
  record MethodPattern(String text, Pattern classGlob, Pattern methodGlob) {
    static MethodPattern parse(String text) {
      int hash = text.indexOf('#');
      String cls = (hash < 0 ? text : text.substring(0, hash)).strip().replace('/', '.');
      String method = hash < 0 ? "*" : text.substring(hash + 1).strip();
      if (cls.isEmpty() || method.isEmpty() || method.indexOf('#') >= 0) {
        throw new IllegalArgumentException("bad Kiln agent method pattern '" + text
            + "': expected classGlob#methodGlob, e.g. com.acme.Kernels#dot or org.foo.*#*");
      }
      return new MethodPattern(text, glob(cls), glob(method));
    }

    boolean matchesClass(String binaryName) {
      return classGlob.matcher(binaryName).matches();
    }

    boolean matchesMethod(String name) {
      return methodGlob.matcher(name).matches();
    }

    private static Pattern glob(String glob) {
      StringBuilder re = new StringBuilder();
      StringBuilder literal = new StringBuilder();
      for (char c : glob.toCharArray()) {
        if (c == '*' || c == '?') {
          if (literal.length() > 0) {
            re.append(Pattern.quote(literal.toString()));
            literal.setLength(0);
          }
          re.append(c == '*' ? ".*" : ".");
        } else {
          literal.append(c);
        }
      }
      if (literal.length() > 0) {
        re.append(Pattern.quote(literal.toString()));
      }
      return Pattern.compile(re.toString(), Pattern.DOTALL);
    }

    @Override
    public String toString() {
      return text;
    }
  }
}
