package dev.kiln.frontend;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.objectweb.asm.Type;

/**
 * Prints IR as stable text (golden tests pin it): one line per block header, phi, statement
 * and terminator, each statement followed by its source line.
 */
public final class IrPrinter {
  private IrPrinter() {}

  /** Prints with each value's JVM kind. */
  public static String print(IrMethod m) {
    return print(m, v -> v.kind().label());
  }

  /** Prints with each value labelled by {@code typeOf} (typing passes Kiln types). */
  public static String print(IrMethod m, Function<Value, String> typeOf) {
    StringBuilder sb = new StringBuilder();
    sb.append("method ").append(m.displayName());
    if (m.sourceFile() != null) {
      sb.append("  (").append(m.sourceFile()).append(')');
    }
    sb.append('\n');
    for (Block b : m.blocks()) {
      sb.append(b);
      if (!b.preds().isEmpty()) {
        sb.append(" <- ").append(b.preds().stream().map(Block.Edge::toString)
            .collect(Collectors.joining(", ")));
      }
      if (!b.handlers().isEmpty()) {
        sb.append("  catch ").append(b.handlers().stream()
            .map(h -> (h.catchType() == null ? "any" : h.catchType().replace('/', '.')) + " -> "
                + h.target())
            .collect(Collectors.joining(", ")));
      }
      sb.append(":\n");
      for (Insn.Phi p : b.phis()) {
        line(sb, p, typeOf);
      }
      for (Insn n : b.insns()) {
        line(sb, n, typeOf);
      }
      Terminator t = b.terminator();
      String text = terminator(t);
      sb.append("  ").append(text);
      pad(sb, text.length());
      sb.append(lineOf(t.site())).append('\n');
    }
    return sb.toString();
  }

  private static void line(StringBuilder sb, Insn n, Function<Value, String> typeOf) {
    String text = (n.out() != null ? n.out() + ":" + typeOf.apply(n.out()) + " = " : "")
        + statement(n);
    sb.append("  ").append(text);
    pad(sb, text.length());
    sb.append(lineOf(n.site())).append('\n');
  }

  private static void pad(StringBuilder sb, int len) {
    for (int i = len; i < 48; i++) {
      sb.append(' ');
    }
    sb.append(' ');
  }

  private static String lineOf(Site s) {
    return s.line() >= 0 ? "; line " + s.line() : ";";
  }

  private static String list(List<Value> vs) {
    return vs.stream().map(Value::toString).collect(Collectors.joining(", "));
  }

  private static String cls(String internal) {
    return internal.replace('/', '.');
  }

  /** One statement's text, without its result. */
  public static String statement(Insn n) {
    if (n instanceof Insn.Param p) {
      return "param " + p.index();
    }
    if (n instanceof Insn.Const c) {
      return "const " + constant(c.value(), c.out().kind());
    }
    if (n instanceof Insn.Phi p) {
      return "phi(" + list(p.inputs()) + ")";
    }
    if (n instanceof Insn.CatchValue c) {
      return "catch";
    }
    if (n instanceof Insn.Binary b) {
      return b.left() + " " + b.op().key() + " " + b.right();
    }
    if (n instanceof Insn.Neg x) {
      return "neg " + x.operand();
    }
    if (n instanceof Insn.Convert c) {
      return "(" + c.conv().target() + ") " + c.operand();
    }
    if (n instanceof Insn.Compare c) {
      return c.op().key() + " " + c.left() + ", " + c.right();
    }
    if (n instanceof Insn.ArrayLength a) {
      return "len " + a.array();
    }
    if (n instanceof Insn.ArrayLoad a) {
      return a.array() + "[" + a.index() + "]";
    }
    if (n instanceof Insn.ArrayStore a) {
      return a.array() + "[" + a.index() + "] = " + a.value();
    }
    if (n instanceof Insn.NewArray a) {
      return "new " + a.arrayType().getElementType().getClassName()
          + a.dims().stream().map(d -> "[" + d + "]").collect(Collectors.joining())
          + "[]".repeat(a.arrayType().getDimensions() - a.dims().size());
    }
    if (n instanceof Insn.GetStatic g) {
      return "getstatic " + cls(g.field().owner()) + "." + g.field().name();
    }
    if (n instanceof Insn.PutStatic p) {
      return "putstatic " + cls(p.field().owner()) + "." + p.field().name()
          + " = " + p.value();
    }
    if (n instanceof Insn.GetField g) {
      return g.object() + "." + g.field().name();
    }
    if (n instanceof Insn.PutField p) {
      return p.object() + "." + p.field().name() + " = " + p.value();
    }
    if (n instanceof Insn.Invoke i) {
      return org.objectweb.asm.util.Printer.OPCODES[i.opcode()].toLowerCase(
          java.util.Locale.ROOT) + " " + cls(i.method().owner()) + "." + i.method().name()
          + i.method().desc() + "(" + list(i.args()) + ")";
    }
    if (n instanceof Insn.New x) {
      return "new " + cls(x.type()) + " (uninitialized)";
    }
    if (n instanceof Insn.ClassInit c) {
      return "init " + cls(c.type());
    }
    if (n instanceof Insn.Construct c) {
      return "new " + cls(c.type()) + c.ctor().desc() + "(" + list(c.args())
          + ")";
    }
    if (n instanceof Insn.InvokeDynamic d) {
      return "invokedynamic " + d.name() + d.desc() + "(" + list(d.args())
          + ")";
    }
    if (n instanceof Insn.CheckCast c) {
      return "(" + c.type().getClassName() + ") " + c.operand();
    }
    if (n instanceof Insn.InstanceOf i) {
      return i.operand() + " instanceof " + i.type().getClassName();
    }
    if (n instanceof Insn.MonitorEnter m) {
      return "monitorenter " + m.object();
    }
    if (n instanceof Insn.MonitorExit m) {
      return "monitorexit " + m.object();
    }
    throw new IllegalArgumentException(n.toString());
  }

  private static String constant(Object v, Kind k) {
    if (v == null) {
      return "null";
    }
    if (v instanceof String s) {
      return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }
    if (v instanceof Type t) {
      return t.getClassName() + ".class";
    }
    return switch (k) {
      case LONG -> v + "L";
      case FLOAT -> v + "f";
      case DOUBLE -> v + "d";
      default -> v.toString();
    };
  }

  /** A terminator's text. */
  public static String terminator(Terminator t) {
    if (t instanceof Terminator.Goto g) {
      return "goto " + g.target();
    }
    if (t instanceof Terminator.If i) {
      return "if " + i.left() + " " + i.cond().key() + " "
          + (i.right() != null ? i.right().toString()
              : i.left().kind() == Kind.REF ? "null" : "0")
          + " then " + i.ifTrue() + " else " + i.ifFalse();
    }
    if (t instanceof Terminator.Switch s) {
      StringBuilder sb = new StringBuilder("switch " + s.key() + " [");
      for (int k = 0; k < s.keys().size(); k++) {
        sb.append(k == 0 ? "" : ", ").append(s.keys().get(k)).append(": ")
            .append(s.targets().get(k));
      }
      return sb.append("] default ").append(s.fallback()).toString();
    }
    if (t instanceof Terminator.Return r) {
      return r.value() == null ? "return" : "return " + r.value();
    }
    return "throw " + ((Terminator.Throw) t).exception();
  }
}
