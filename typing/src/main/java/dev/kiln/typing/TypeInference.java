package dev.kiln.typing;

import dev.kiln.frontend.Block;
import dev.kiln.frontend.Insn;
import dev.kiln.frontend.IrMethod;
import dev.kiln.frontend.Kind;
import dev.kiln.frontend.MethodRef;
import dev.kiln.frontend.Site;
import dev.kiln.frontend.Terminator;
import dev.kiln.frontend.Value;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Type inference, as in Numba's {@code typeinfer}: start from the argument types; give each
 * value the type its statement's template yields for its operands' current types, and each
 * phi the join of its inputs; repeat over all blocks until nothing changes. Types only grow
 * in a finite-height lattice, so this ends, typically in two or three rounds. A last pass
 * resolves every operation against the final types and records its {@link Resolution}; an
 * operation no template accepts is a {@link TypingError} naming file, line, operation,
 * argument types and the candidates tried.
 */
final class TypeInference {
  private final IrMethod ir;
  private final List<KType> args;
  private final TypingContext ctx;
  private final ClassLoader loader;
  private final CallResolver calls;
  private final Map<Value, KType> types = new IdentityHashMap<>();
  private final Map<Object, Resolution> resolutions = new IdentityHashMap<>();
  private boolean strict;

  TypeInference(IrMethod ir, List<KType> args, TypingContext ctx, ClassLoader loader,
                CallResolver calls) {
    this.ir = ir;
    this.args = args;
    this.ctx = ctx;
    this.loader = loader;
    this.calls = calls;
  }

  TypedMethod run() {
    if (args.size() != ir.params().size()) {
      throw new TypingError(ir.displayName() + " takes " + ir.params().size()
          + " arguments, given types for " + args.size());
    }
    for (int i = 0; i < args.size(); i++) {
      types.put(ir.params().get(i), args.get(i));
    }
    boolean changed = true;
    int rounds = 0;
    while (changed) {
      changed = false;
      for (Block b : ir.blocks()) {
        for (Insn.Phi p : b.phis()) {
          KType t = null;
          for (Value in : p.inputs()) {
            t = join(t, types.get(in), p);
          }
          changed |= set(p.out(), t);
        }
        for (Insn n : b.insns()) {
          if (n.out() != null && !(n instanceof Insn.Param)) {
            changed |= set(n.out(), typeOf(n, b));
          }
        }
      }
      if (++rounds > 1000) {
        throw new IllegalStateException("type inference does not converge: " + ir.displayName());
      }
    }
    strict = true;
    for (Block b : ir.blocks()) {
      for (Insn n : b.insns()) {
        KType t = typeOf(n, b);
        if (n.out() != null && !(n instanceof Insn.Param)) {
          if (t == null) {
            throw error(n.site(), describe(n), operandTypes(n.operands()), "no type");
          }
          types.put(n.out(), t);
        }
      }
      for (Insn.Phi p : b.phis()) {
        if (types.get(p.out()) == null) {
          throw error(p.site(), "phi", operandTypes(p.inputs()), "no input has a type");
        }
      }
      terminator(b.terminator());
    }
    return new TypedMethod(ir, new Signature(returnType(), args), types, resolutions);
  }

  private KType join(KType a, KType b, Insn where) {
    if (b == null) {
      return a;
    }
    KType j = Types.join(a, b);
    if (j == null) {
      throw error(where.site(), "join of " + a + " and " + b, List.of(a, b),
          "the two types do not meet");
    }
    return j;
  }

  private boolean set(Value v, KType t) {
    if (t == null) {
      return false;
    }
    KType old = types.get(v);
    KType j = old == null ? t : Types.join(old, t);
    if (j == null) {
      j = t;
    }
    if (j.equals(old)) {
      return false;
    }
    types.put(v, j);
    return true;
  }

  private KType returnType() {
    KType declared = Types.of(ir.returnType(), loader);
    if (declared instanceof Prim) {
      return declared;
    }
    KType t = null;
    for (Block b : ir.blocks()) {
      if (b.terminator() instanceof Terminator.Return r && r.value() != null) {
        t = Types.join(t, types.get(r.value()));
      }
    }
    if (t == null || t == NullType.NULL || !Types.convertible(t, declared)) {
      return declared;
    }
    return t;
  }

  // ---------------------------------------------------------------- per statement

  private List<KType> operandTypes(List<Value> vs) {
    List<KType> r = new ArrayList<>(vs.size());
    for (Value v : vs) {
      r.add(types.get(v));
    }
    return r;
  }

  private boolean known(List<KType> ts) {
    for (KType t : ts) {
      if (t == null) {
        return false;
      }
    }
    return true;
  }

  /** Resolves {@code key}; {@code null} while types are still growing, an error at the end. */
  private KType viaTemplate(Object node, String key, List<KType> ts, Site site, String what) {
    if (!known(ts)) {
      if (strict) {
        throw error(site, what, ts, "an operand has no type");
      }
      return null;
    }
    Resolution r = ctx.resolve(key, ts);
    if (r == null) {
      if (strict) {
        throw error(site, what, ts, "candidates tried: " + ctx.describe(key));
      }
      return null;
    }
    if (strict) {
      resolutions.put(node, r);
    }
    return r.signature().returnType();
  }

  private KType declared(String desc) {
    return Types.of(Type.getType(desc), loader);
  }

  private KType typeOf(Insn n, Block b) {
    if (n instanceof Insn.Param p) {
      return args.get(p.index());
    } else if (n instanceof Insn.Const c) {
      return constantType(c.value(), c.out().kind());
    } else if (n instanceof Insn.CatchValue) {
      return caughtType(b);
    } else if (n instanceof Insn.Binary x) {
      return viaTemplate(n, x.op().key(), operandTypes(x.operands()), n.site(),
          "`" + x.op().key() + "`");
    } else if (n instanceof Insn.Neg x) {
      return viaTemplate(n, "neg", operandTypes(x.operands()), n.site(), "negation");
    } else if (n instanceof Insn.Convert x) {
      return viaTemplate(n, "cast." + x.conv().target(), operandTypes(x.operands()), n.site(),
          "conversion to " + x.conv().target());
    } else if (n instanceof Insn.Compare x) {
      return viaTemplate(n, x.op().key(), operandTypes(x.operands()), n.site(),
          "comparison " + x.op().name().toLowerCase(java.util.Locale.ROOT));
    } else if (n instanceof Insn.ArrayLength x) {
      List<KType> ts = operandTypes(x.operands());
      if (ts.get(0) == NullType.NULL) {
        return Prim.INT; // null.length: throws NullPointerException, as the original does
      }
      return viaTemplate(n, "len", ts, n.site(), "array length");
    } else if (n instanceof Insn.ArrayLoad x) {
      List<KType> ts = operandTypes(x.operands());
      if (ts.get(0) == NullType.NULL) {
        return elementOfOpcode(x.opcode());
      }
      return viaTemplate(n, "getitem", ts, n.site(), "array element load");
    } else if (n instanceof Insn.ArrayStore x) {
      List<KType> ts = operandTypes(x.operands());
      if (ts.get(0) != NullType.NULL) {
        viaTemplate(n, "setitem", ts, n.site(), "array element store");
      }
      return null;
    } else if (n instanceof Insn.NewArray x) {
      KType t = Types.of(x.arrayType(), loader);
      return new ArrayType(((ArrayType) t).element(), true);
    } else if (n instanceof Insn.GetStatic x) {
      return declared(x.field().desc());
    } else if (n instanceof Insn.GetField x) {
      return declared(x.field().desc());
    } else if (n instanceof Insn.Invoke x) {
      return invokeType(x);
    } else if (n instanceof Insn.Construct x) {
      return InstanceType.exact(Types.load(x.type().replace('/', '.'), loader));
    } else if (n instanceof Insn.InvokeDynamic x) {
      return Types.of(Type.getReturnType(x.desc()), loader);
    } else if (n instanceof Insn.CheckCast x) {
      KType target = Types.of(x.type(), loader);
      KType in = types.get(x.operand());
      if (in != null && in != NullType.NULL && Types.convertible(in, target)) {
        return in;
      }
      return target;
    } else if (n instanceof Insn.InstanceOf) {
      return Prim.BOOLEAN;
    }
    return null; // stores, monitors: no value
  }

  private KType invokeType(Insn.Invoke x) {
    List<KType> ts = operandTypes(x.args());
    MethodRef m = x.method();
    KType declaredReturn = Types.of(Type.getReturnType(m.desc()), loader);
    if (!known(ts)) {
      if (strict) {
        throw error(x.site(), "call to " + m, ts, "an argument has no type");
      }
      return declaredReturn == Prim.VOID ? null : declaredReturn;
    }
    String key = dev.kiln.typing.templates.Registry.methodKey(m.owner(), m.name(), m.desc());
    Resolution r = ctx.resolve(key, ts);
    if (r == null) {
      UnitCall call = calls.resolve(x.opcode(), m, ts);
      List<KType> params = new ArrayList<>();
      if (x.opcode() != Opcodes.INVOKESTATIC) {
        params.add(Types.of(Type.getObjectType(m.owner()), loader));
      }
      for (Type t : Type.getArgumentTypes(m.desc())) {
        params.add(Types.of(t, loader));
      }
      r = call != null ? new Resolution(key, call.signature(), call)
          : new Resolution(key, new Signature(declaredReturn, params), null);
    }
    if (strict) {
      resolutions.put(x, r);
    }
    KType ret = r.signature().returnType();
    return ret == Prim.VOID ? null : ret;
  }

  private void terminator(Terminator t) {
    if (t instanceof Terminator.If i) {
      KType left = types.get(i.left());
      KType right = i.right() != null ? types.get(i.right())
          : i.left().kind() == Kind.REF ? NullType.NULL : Prim.INT;
      viaTemplate(t, i.cond().key(), List.of(left, right), t.site(),
          "condition `" + i.cond().key() + "`");
    } else if (t instanceof Terminator.Switch s) {
      viaTemplate(t, "switch", List.of(types.get(s.key())), t.site(), "switch");
    }
  }

  private KType caughtType(Block b) {
    KType t = null;
    for (Block.Edge e : b.preds()) {
      for (Block.Handler h : e.from().handlers()) {
        if (h.target() == b) {
          Class<?> c = h.catchType() == null ? Throwable.class
              : Types.load(h.catchType().replace('/', '.'), loader);
          t = Types.join(t, InstanceType.declared(c));
        }
      }
    }
    return t == null ? InstanceType.declared(Throwable.class) : t;
  }

  private static KType constantType(Object v, Kind k) {
    if (v == null) {
      return NullType.NULL;
    }
    if (v instanceof String) {
      return InstanceType.exact(String.class);
    }
    if (v instanceof Type) {
      return InstanceType.exact(Class.class);
    }
    return switch (k) {
      case INT -> Prim.INT;
      case LONG -> Prim.LONG;
      case FLOAT -> Prim.FLOAT;
      case DOUBLE -> Prim.DOUBLE;
      case REF -> InstanceType.OBJECT;
    };
  }

  private static KType elementOfOpcode(int opcode) {
    return switch (opcode) {
      case Opcodes.IALOAD -> Prim.INT;
      case Opcodes.LALOAD -> Prim.LONG;
      case Opcodes.FALOAD -> Prim.FLOAT;
      case Opcodes.DALOAD -> Prim.DOUBLE;
      case Opcodes.BALOAD -> Prim.BYTE;
      case Opcodes.CALOAD -> Prim.CHAR;
      case Opcodes.SALOAD -> Prim.SHORT;
      default -> InstanceType.OBJECT;
    };
  }

  private static String describe(Insn n) {
    return dev.kiln.frontend.IrPrinter.statement(n);
  }

  private TypingError error(Site site, String what, List<KType> ts, String detail) {
    StringBuilder sb = new StringBuilder("Kiln cannot type ").append(what)
        .append(" with argument types (");
    for (int i = 0; i < ts.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(ts.get(i) == null ? "?" : ts.get(i).javaName());
    }
    sb.append(") at ").append(ir.where(site)).append(" in ").append(ir.displayName())
        .append(" [specializing for ").append(new Signature(Prim.VOID, args).argsText())
        .append("]: ").append(detail);
    return new TypingError(sb.toString());
  }
}
