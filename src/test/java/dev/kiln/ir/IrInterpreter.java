package dev.kiln.ir;

import dev.kiln.frontend.BinOp;
import dev.kiln.frontend.Block;
import dev.kiln.frontend.Frontend;
import dev.kiln.frontend.Insn;
import dev.kiln.frontend.IrMethod;
import dev.kiln.frontend.IrPrinter;
import dev.kiln.frontend.IrVerifier;
import dev.kiln.frontend.Kind;
import dev.kiln.frontend.MethodRef;
import dev.kiln.frontend.Terminator;
import dev.kiln.frontend.Value;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.CallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * A reference interpreter for Kiln IR: runs an {@link IrMethod} block by block with the JVM's
 * semantics, so that the frontend can be tested against the original method (the oracle)
 * before and apart from typing and lowering.
 *
 * <p>Values are boxed: {@link Integer} for every {@link Kind#INT} value (booleans, bytes, chars
 * and shorts included, as the JVM holds them), {@link Long}, {@link Float}, {@link Double}, and
 * the object itself for {@link Kind#REF}. Arguments and results are converted at the boundary
 * by the method descriptor ({@code boolean} to 0/1, {@code char} to its code, and back).
 *
 * <p>Protocol: {@code new IrInterpreter(owner)}, then any number of {@link #invoke} calls from
 * one thread at a time. Static calls to methods of {@code owner}, and calls to its private
 * instance methods, are interpreted too (their IR built with {@link Frontend#build} and checked
 * with {@link IrVerifier#verify}); everything else (other classes, the JDK, constructors, fields,
 * bootstrap methods other than string concatenation) runs for real through method handles with
 * {@code owner}'s access (its own full-privilege {@code Lookup} field if it has one), so the
 * exceptions they throw are the real ones. Caller-sensitive methods are called reflectively,
 * and {@code MethodHandles.lookup()} answers the owner's lookup. Exceptions thrown while running
 * a statement or a {@code throw} go to the first matching entry of the block's
 * {@link Block#handlers()}, which is entered over the exceptional edge with its
 * {@link Insn.CatchValue} bound to the exception.
 *
 * <p>The interpreter checks the IR as it runs: a read of a value whose definition did not run
 * (or, after an exceptional edge, of a value defined inside the block that threw: the edge
 * carries only the block's entry state) is a {@link Failure}, as is anything the IR should never
 * contain. {@link Failure}s are never caught by the interpreted code's handlers.
 *
 * <p>Implicit exceptions ({@code / by zero}, index out of bounds, array store) are raised
 * explicitly, with HotSpot's messages, just before the real operation: the interpreter's own
 * code gets hot and C2-compiled, and HotSpot then throws preallocated exceptions without a
 * message ({@code OmitStackTraceInFastThrow}). A failing {@code checkcast} runs the JVM's own
 * instruction in a small hidden class, so its message is the JVM's. Runs are bounded
 * by {@link #stepLimit} statements and {@link #depthLimit} nested interpreted calls
 * ({@link LimitExceeded}). Monitors are really taken (see {@link #loop}).
 */
public final class IrInterpreter {
  /** The IR is malformed, or uses something the interpreter does not model: a test failure. */
  public static class Failure extends Error {
    private static final long serialVersionUID = 1L;

    public Failure(String message) {
      super(message);
    }

    public Failure(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The run exceeded {@link #stepLimit} or {@link #depthLimit}: no verdict. */
  public static final class LimitExceeded extends Failure {
    private static final long serialVersionUID = 1L;

    LimitExceeded(String message) {
      super(message);
    }
  }

  /** Marks a value whose definition has not run (on this path, or since its block started). */
  private static final Object UNSET = new Object() {
    @Override
    public String toString() {
      return "<unset>";
    }
  };

  private final Class<?> owner;
  private final String ownerInternal;
  private final ClassLoader loader;
  private final MethodHandles.Lookup lookup;
  private ClassNode classNode;
  private final Map<String, IrMethod> irs = new HashMap<>();
  private final Map<Insn, MethodHandle> handles = new IdentityHashMap<>();
  private final Map<Type, MethodHandle> casts = new HashMap<>();
  private final Map<String, Class<?>> classes = new HashMap<>();

  /** Sees every value as it is defined, in every interpreted frame (or null). */
  public interface Observer {
    void defined(IrMethod ir, Value v, Object value);
  }

  /** Called on every definition: phis, statements, caught exceptions. */
  public Observer observer;

  /** Statements one top-level {@link #invoke} may run. */
  public long stepLimit = 20_000_000L;
  /** Interpreted calls that may be nested. */
  public int depthLimit = 2_000;

  private long steps;
  private int depth;
  private long totalSteps;

  public IrInterpreter(Class<?> owner) {
    this.owner = owner;
    this.ownerInternal = Type.getInternalName(owner);
    this.loader = owner.getClassLoader();
    this.lookup = lookupFor(owner);
  }

  /**
   * A lookup with the owner's access: its own full-privilege {@code static Lookup} field if it
   * has one (corpus classes keep one as {@code LOOKUP}), else {@code privateLookupIn}.
   */
  private static MethodHandles.Lookup lookupFor(Class<?> owner) {
    for (java.lang.reflect.Field fld : owner.getDeclaredFields()) {
      if (fld.getType() == MethodHandles.Lookup.class
          && java.lang.reflect.Modifier.isStatic(fld.getModifiers())) {
        try {
          fld.setAccessible(true);
          MethodHandles.Lookup l = (MethodHandles.Lookup) fld.get(null);
          if (l != null && l.lookupClass() == owner && l.hasFullPrivilegeAccess()) {
            return l;
          }
        } catch (ReflectiveOperationException | RuntimeException e) {
          // fall back below
        }
      }
    }
    try {
      return MethodHandles.privateLookupIn(owner, MethodHandles.lookup());
    } catch (IllegalAccessException e) {
      throw new Failure("no private access to " + owner, e);
    }
  }

  /** Statements run since this interpreter was made. */
  public long totalSteps() {
    return totalSteps;
  }

  // ---------------------------------------------------------------- building IR

  /** The class bytes {@code c} was loaded from. */
  public static byte[] classBytes(Class<?> c) {
    String resource = c.getName().replace('.', '/') + ".class";
    ClassLoader l = c.getClassLoader() != null ? c.getClassLoader()
        : ClassLoader.getSystemClassLoader();
    try (InputStream in = l.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no class file for " + c.getName());
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The parsed class of {@code owner}. */
  public ClassNode classNode() {
    if (classNode == null) {
      classNode = Frontend.parse(classBytes(owner));
    }
    return classNode;
  }

  /** Builds and verifies the IR of {@code owner.name(desc)}. */
  public static IrMethod build(Class<?> owner, String name, String desc) {
    ClassNode cn = Frontend.parse(classBytes(owner));
    MethodNode mn = Frontend.method(cn, name, desc);
    if (mn == null) {
      throw new IllegalArgumentException("no method " + name + desc + " in " + owner.getName());
    }
    return IrVerifier.verify(Frontend.build(cn, mn));
  }

  /** The IR of a method of {@code owner} (built once, verified), or null if it has none. */
  public IrMethod ir(String name, String desc) {
    String key = name + desc;
    IrMethod ir = irs.get(key);
    if (ir == null) {
      MethodNode mn = Frontend.method(classNode(), name, desc);
      if (mn == null) {
        return null;
      }
      ir = IrVerifier.verify(Frontend.build(classNode(), mn));
      irs.put(key, ir);
    }
    return ir;
  }

  // ---------------------------------------------------------------- entry points

  /**
   * Runs {@code m}, a method of the owner, interpreted, with Java-boxed arguments (for an
   * instance method the receiver first).
   */
  public Object invoke(Method m, Object... args) throws Throwable {
    if (m.getDeclaringClass() != owner) {
      throw new IllegalArgumentException(m + " is not declared by " + owner);
    }
    return invoke(m.getName(), Type.getMethodDescriptor(m), args);
  }

  /**
   * Runs {@code owner.name(desc)} interpreted. Arguments are Java boxes of the declared types
   * ({@code Boolean} for {@code boolean}...), the receiver first for an instance method; the
   * result likewise; throws what the method throws.
   */
  public Object invoke(String name, String desc, Object... args) throws Throwable {
    IrMethod ir = ir(name, desc);
    if (ir == null) {
      throw new IllegalArgumentException("no method " + name + desc + " in " + owner.getName());
    }
    return enter(ir, args);
  }

  /**
   * Runs {@code ir}, a static method of {@code owner}, as given: not verified, for tests that
   * break IR on purpose and watch the interpreter catch it at run time.
   */
  public static Object runUnverified(IrMethod ir, Class<?> owner, Object... args)
      throws Throwable {
    return new IrInterpreter(owner).enter(ir, args);
  }

  private Object enter(IrMethod ir, Object[] args) throws Throwable {
    Type[] types = Type.getArgumentTypes(ir.desc());
    int shift = ir.isStatic() ? 0 : 1;
    if (args.length != types.length + shift) {
      throw new IllegalArgumentException(ir.displayName() + " takes " + (types.length + shift)
          + " arguments, given " + args.length);
    }
    Object[] jvm = new Object[args.length];
    if (shift == 1) {
      if (!owner.isInstance(args[0])) {
        throw new IllegalArgumentException("receiver " + args[0] + " is not a " + owner);
      }
      jvm[0] = args[0];
    }
    for (int i = 0; i < types.length; i++) {
      jvm[i + shift] = toJvm(types[i], args[i + shift]);
    }
    lookup.ensureInitialized(owner); // as the original call would
    steps = 0;
    depth = 0;
    Object r = run(ir, jvm);
    return fromJvm(ir.returnType(), r);
  }

  // ---------------------------------------------------------------- boundaries

  /** A Java value of declared type {@code t} as the JVM holds it. */
  static Object toJvm(Type t, Object v) {
    return switch (t.getSort()) {
      case Type.BOOLEAN -> ((Boolean) v) ? 1 : 0;
      case Type.CHAR -> (int) (Character) v;
      case Type.BYTE, Type.SHORT, Type.INT -> ((Number) v).intValue();
      case Type.LONG -> (Long) v;
      case Type.FLOAT -> (Float) v;
      case Type.DOUBLE -> (Double) v;
      case Type.VOID -> null;
      default -> v;
    };
  }

  /** A JVM value as the Java box of declared type {@code t} (int narrowed as the JVM does). */
  static Object fromJvm(Type t, Object v) {
    return switch (t.getSort()) {
      case Type.BOOLEAN -> (((Integer) v) & 1) != 0;
      case Type.CHAR -> (char) (int) (Integer) v;
      case Type.BYTE -> (byte) (int) (Integer) v;
      case Type.SHORT -> (short) (int) (Integer) v;
      case Type.INT -> (Integer) v;
      case Type.LONG -> (Long) v;
      case Type.FLOAT -> (Float) v;
      case Type.DOUBLE -> (Double) v;
      case Type.VOID -> null;
      default -> v;
    };
  }

  // ---------------------------------------------------------------- the interpreter proper

  private static final class Thrown extends Exception {
    private static final long serialVersionUID = 1L;
    final Throwable exception;

    Thrown(Throwable exception) {
      super(null, null, false, false);
      this.exception = exception;
    }
  }

  private Object run(IrMethod ir, Object[] args) throws Throwable {
    if (++depth > depthLimit) {
      throw new LimitExceeded("more than " + depthLimit + " nested interpreted calls in "
          + ir.displayName());
    }
    try {
      return frame(ir, args);
    } finally {
      depth--;
    }
  }

  /** One interpreted activation: where it is, and its values. */
  private static final class Frame {
    final IrMethod ir;
    final Object[] args;
    final Object[] env;
    Block block;
    Block from;
    boolean exceptional;
    Throwable caught;
    /** Index of the next statement of {@link #block}; -1 before the block's phis ran. */
    int pc = -1;

    Frame(IrMethod ir, Object[] args) {
      this.ir = ir;
      this.args = args;
      this.env = new Object[ir.valueCount()];
      Arrays.fill(env, UNSET);
      this.block = ir.blocks().get(0);
    }
  }

  /** {@link #loop}'s answer when the frame left the monitor it was entered for. */
  private static final Object MONITOR_EXITED = new Object();

  private Object frame(IrMethod ir, Object[] args) throws Throwable {
    Object r = loop(new Frame(ir, args), null);
    if (r == MONITOR_EXITED) {
      throw new IllegalStateException("unreachable");
    }
    return r;
  }

  /**
   * Runs {@code f} until it returns (its result), throws out of the method, or, when
   * {@code lock} is not null, executes the {@code monitorexit} that releases {@code lock}
   * ({@link #MONITOR_EXITED}, {@code f} then stands just after that statement).
   *
   * <p>Monitors are real: a {@code monitorenter} runs the rest of the frame inside a Java
   * {@code synchronized} block on the object, by a nested call of this loop on the same frame,
   * which returns at the matching {@code monitorexit}. This needs the LIFO locking javac
   * emits (JVMS 2.11.10's structured locking); anything else is a {@link Failure}.
   */
  private Object loop(Frame f, Object lock) throws Throwable {
    IrMethod ir = f.ir;
    Object[] env = f.env;
    while (true) {
      Block b = f.block;
      if (f.pc < 0) {
        enterBlock(f);
        f.pc = 0;
      }
      List<Insn> insns = b.insns();
      Block next;
      try {
        while (f.pc < insns.size()) {
          Insn n = insns.get(f.pc++);
          if (++steps > stepLimit) {
            throw new LimitExceeded("more than " + stepLimit + " statements");
          }
          totalSteps++;
          if (n instanceof Insn.CatchValue c) {
            if (!f.exceptional || f.caught == null) {
              throw fail(ir, b, "catch entered without an exception: " + n);
            }
            define(f, c.out(), f.caught);
            f.caught = null;
            continue;
          }
          if (n instanceof Insn.MonitorEnter me) {
            Object o = read(ir, b, env, me.object());
            if (o == null) {
              throw new Thrown(new NullPointerException("Cannot enter synchronized block "
                  + "because the object is null"));
            }
            Object r;
            synchronized (o) {
              r = loop(f, o); // exceptions leaving it have left the whole frame
            }
            if (r != MONITOR_EXITED) {
              return r;
            }
            if (f.block != b) {
              insns = null; // resumed in another block: restart the outer loop there
              break;
            }
            continue;
          }
          if (n instanceof Insn.MonitorExit mx) {
            Object o = read(ir, b, env, mx.object());
            if (o == null) {
              throw new Thrown(new NullPointerException("Cannot exit synchronized block "
                  + "because the object is null"));
            }
            if (o == lock) {
              return MONITOR_EXITED;
            }
            if (!Thread.holdsLock(o)) {
              throw new Thrown(new IllegalMonitorStateException("current thread is not owner"));
            }
            throw fail(ir, b, "monitors released out of order (not javac's structured locking)");
          }
          Object v;
          try {
            v = n instanceof Insn.Param p ? param(ir, b, f.args, p) : exec(ir, b, env, n);
          } catch (Failure e) {
            throw e;
          } catch (Throwable t) {
            throw new Thrown(t);
          }
          if (n.out() != null) {
            checkKind(ir, b, n.out().kind(), v, n);
            define(f, n.out(), v);
          } else if (v != null) {
            throw fail(ir, b, "a statement without result produced " + v + ": " + n);
          }
        }
        if (insns == null) {
          continue;
        }
        Terminator t = b.terminator();
        if (t instanceof Terminator.Goto g) {
          next = g.target();
        } else if (t instanceof Terminator.If i) {
          next = branch(ir, b, env, i) ? i.ifTrue() : i.ifFalse();
        } else if (t instanceof Terminator.Switch s) {
          int key = (Integer) read(ir, b, env, s.key());
          int k = s.keys().indexOf(key);
          next = k >= 0 ? s.targets().get(k) : s.fallback();
        } else if (t instanceof Terminator.Return r) {
          Object v = r.value() == null ? null : read(ir, b, env, r.value());
          checkKind(ir, b, Kind.of(ir.returnType()), v, t);
          return v;
        } else if (t instanceof Terminator.Throw th) {
          Object e = read(ir, b, env, th.exception());
          throw new Thrown(e == null ? new NullPointerException() : (Throwable) e);
        } else {
          throw fail(ir, b, "no terminator");
        }
        f.exceptional = false;
      } catch (Thrown thrown) {
        Throwable e = thrown.exception;
        next = handler(ir, b, e);
        if (next == null) {
          throw e;
        }
        f.exceptional = true;
        f.caught = e;
        // the exceptional edge carries the block's entry state only
        for (Insn n : insns) {
          if (n.out() != null) {
            env[n.out().id()] = UNSET;
          }
        }
      }
      f.from = b;
      f.block = next;
      f.pc = -1;
      if (f.exceptional && !next.isHandler()) {
        throw fail(ir, next, "exception edge into a block that does not start with catch");
      }
    }
  }

  /** Runs {@code f.block}'s phis (parallel copies over the edge taken) and clears the values
   * its statements define. */
  private void enterBlock(Frame f) {
    IrMethod ir = f.ir;
    Block b = f.block;
    Object[] env = f.env;
    List<Insn.Phi> phis = b.phis();
    if (!phis.isEmpty()) {
      int edge = edgeIndex(ir, b, f.from, f.exceptional);
      Object[] in = new Object[phis.size()];
      for (int i = 0; i < in.length; i++) {
        Insn.Phi p = phis.get(i);
        if (p.inputs().size() != b.preds().size()) {
          throw fail(ir, b, p + " has " + p.inputs().size() + " inputs for "
              + b.preds().size() + " edges");
        }
        in[i] = read(ir, b, env, p.inputs().get(edge));
      }
      for (int i = 0; i < in.length; i++) {
        define(f, phis.get(i).out(), in[i]);
      }
    }
    for (Insn n : b.insns()) {
      if (n.out() != null) {
        env[n.out().id()] = UNSET; // this execution of the block defines them afresh
      }
    }
  }

  private void define(Frame f, Value v, Object x) {
    f.env[v.id()] = x;
    if (observer != null) {
      observer.defined(f.ir, v, x);
    }
  }

  private int edgeIndex(IrMethod ir, Block b, Block from, boolean exceptional) {
    List<Block.Edge> preds = b.preds();
    for (int i = 0; i < preds.size(); i++) {
      Block.Edge e = preds.get(i);
      if (e.from() == from && e.exceptional() == exceptional) {
        return i;
      }
    }
    throw fail(ir, b, "entered from " + from + (exceptional ? " (exceptional)" : "")
        + " which is not among its predecessors " + preds);
  }

  private Block handler(IrMethod ir, Block b, Throwable e) {
    for (Block.Handler h : b.handlers()) {
      if (h.catchType() == null || load(Type.getObjectType(h.catchType())).isInstance(e)) {
        return h.target();
      }
    }
    return null;
  }

  private Object read(IrMethod ir, Block b, Object[] env, Value v) {
    if (v == null) {
      throw fail(ir, b, "a null operand");
    }
    if (v.id() < 0 || v.id() >= env.length) {
      throw fail(ir, b, v + " outside the method's value range " + env.length);
    }
    Object x = env[v.id()];
    if (x == UNSET) {
      throw fail(ir, b, v + " read before its definition ran on this path");
    }
    checkKind(ir, b, v.kind(), x, v);
    return x;
  }

  private void checkKind(IrMethod ir, Block b, Kind k, Object x, Object what) {
    boolean ok = k == null ? x == null : switch (k) {
      case INT -> x instanceof Integer;
      case LONG -> x instanceof Long;
      case FLOAT -> x instanceof Float;
      case DOUBLE -> x instanceof Double;
      case REF -> true; // any object, boxes included
    };
    if (!ok) {
      throw fail(ir, b, what + " of kind " + k + " holds " + x
          + (x == null ? "" : " (" + x.getClass().getSimpleName() + ")"));
    }
  }

  private Failure fail(IrMethod ir, Block b, String what) {
    return new Failure("interpreting " + ir.displayName() + " at " + b + ": " + what + "\n"
        + IrPrinter.print(ir));
  }

  private boolean branch(IrMethod ir, Block b, Object[] env, Terminator.If i) {
    Object l = read(ir, b, env, i.left());
    Object r = i.right() == null ? null : read(ir, b, env, i.right());
    if (i.left().kind() == Kind.REF) {
      boolean same = l == r;
      return switch (i.cond()) {
        case EQ -> same;
        case NE -> !same;
        default -> throw fail(ir, b, "ordered comparison of references: " + i);
      };
    }
    if (i.left().kind() != Kind.INT) {
      throw fail(ir, b, "branch on " + i.left().kind());
    }
    int a = (Integer) l;
    int c = r == null ? 0 : (Integer) r;
    return switch (i.cond()) {
      case EQ -> a == c;
      case NE -> a != c;
      case LT -> a < c;
      case GE -> a >= c;
      case GT -> a > c;
      case LE -> a <= c;
    };
  }

  // ---------------------------------------------------------------- statements

  private Object param(IrMethod ir, Block b, Object[] args, Insn.Param p) {
    if (b != ir.blocks().get(0) || p.index() < 0 || p.index() >= args.length) {
      throw fail(ir, b, "parameter " + p.index() + " outside the entry or the arguments");
    }
    Object v = args[p.index()];
    checkKind(ir, b, p.out().kind(), v, p);
    return v;
  }

  private Object exec(IrMethod ir, Block b, Object[] env, Insn n) throws Throwable {
    if (n instanceof Insn.Const c) {
      Object v = c.value();
      if (v instanceof String str) {
        return str.intern(); // ldc gives the JVM-wide interned string
      }
      return v instanceof Type t ? load(t) : v;
    }
    if (n instanceof Insn.Binary x) {
      return binary(ir, b, x, read(ir, b, env, x.left()), read(ir, b, env, x.right()));
    }
    if (n instanceof Insn.Neg x) {
      Object v = read(ir, b, env, x.operand());
      return switch (x.out().kind()) {
        case INT -> -(Integer) v;
        case LONG -> -(Long) v;
        case FLOAT -> -(Float) v;
        case DOUBLE -> -(Double) v;
        case REF -> throw fail(ir, b, "negating a reference");
      };
    }
    if (n instanceof Insn.Convert x) {
      return convert(x, read(ir, b, env, x.operand()));
    }
    if (n instanceof Insn.Compare x) {
      return compare(x, read(ir, b, env, x.left()), read(ir, b, env, x.right()));
    }
    if (n instanceof Insn.ArrayLength x) {
      Object a = read(ir, b, env, x.array());
      if (a == null) {
        throw new NullPointerException("Cannot read the array length because the array is null");
      }
      return Array.getLength(a);
    }
    if (n instanceof Insn.ArrayLoad x) {
      return arrayLoad(ir, b, x.opcode(), read(ir, b, env, x.array()),
          (Integer) read(ir, b, env, x.index()));
    }
    if (n instanceof Insn.ArrayStore x) {
      arrayStore(ir, b, x.opcode(), read(ir, b, env, x.array()),
          (Integer) read(ir, b, env, x.index()), read(ir, b, env, x.value()));
      return null;
    }
    if (n instanceof Insn.NewArray x) {
      int[] dims = new int[x.dims().size()];
      for (int i = 0; i < dims.length; i++) {
        dims[i] = (Integer) read(ir, b, env, x.dims().get(i));
      }
      return newArray(ir, b, x.arrayType(), dims);
    }
    if (n instanceof Insn.GetStatic x) {
      MethodHandle h = handle(n, () -> lookup.findStaticGetter(load(owner(x.field().owner())),
          x.field().name(), load(Type.getType(x.field().desc()))));
      return toJvm(Type.getType(x.field().desc()), h.invoke());
    }
    if (n instanceof Insn.PutStatic x) {
      MethodHandle h = handle(n, () -> lookup.findStaticSetter(load(owner(x.field().owner())),
          x.field().name(), load(Type.getType(x.field().desc()))));
      h.invoke(fromJvm(Type.getType(x.field().desc()), read(ir, b, env, x.value())));
      return null;
    }
    if (n instanceof Insn.GetField x) {
      MethodHandle h = handle(n, () -> lookup.findGetter(load(owner(x.field().owner())),
          x.field().name(), load(Type.getType(x.field().desc()))));
      return toJvm(Type.getType(x.field().desc()), h.invoke(read(ir, b, env, x.object())));
    }
    if (n instanceof Insn.PutField x) {
      MethodHandle h = handle(n, () -> lookup.findSetter(load(owner(x.field().owner())),
          x.field().name(), load(Type.getType(x.field().desc()))));
      h.invoke(read(ir, b, env, x.object()),
          fromJvm(Type.getType(x.field().desc()), read(ir, b, env, x.value())));
      return null;
    }
    if (n instanceof Insn.Invoke x) {
      return invoke(ir, b, env, x);
    }
    if (n instanceof Insn.ClassInit x) {
      // initializes it if it is not yet, and throws what the JVM throws when that fails
      Class.forName(Type.getObjectType(x.type()).getClassName(), true, loader);
      return null;
    }
    if (n instanceof Insn.Construct x) {
      MethodRef m = x.ctor();
      if (!m.owner().equals(x.type())) {
        throw fail(ir, b, "constructor of " + m.owner() + " for a new " + x.type());
      }
      MethodHandle h = handle(n, () -> lookup.findConstructor(load(owner(x.type())),
          MethodType.fromMethodDescriptorString(m.desc(), loader)));
      return call(h, Type.getArgumentTypes(m.desc()), Type.getObjectType(x.type()),
          values(ir, b, env, x.args()));
    }
    if (n instanceof Insn.InvokeDynamic x) {
      return invokeDynamic(ir, b, env, x);
    }
    if (n instanceof Insn.CheckCast x) {
      Object v = read(ir, b, env, x.operand());
      if (v != null && !load(x.type()).isInstance(v)) {
        throw castFailure(ir, b, x.type(), v);
      }
      return v;
    }
    if (n instanceof Insn.InstanceOf x) {
      Object v = read(ir, b, env, x.operand());
      return v != null && load(x.type()).isInstance(v) ? 1 : 0;
    }
    if (n instanceof Insn.Phi) {
      throw fail(ir, b, "a phi among the statements: " + n);
    }
    if (n instanceof Insn.New) {
      throw fail(ir, b, "an uninitialized `new` left in the IR: " + n);
    }
    if (n instanceof Insn.Param) {
      throw fail(ir, b, "unexpected parameter: " + n);
    }
    throw fail(ir, b, "statement the interpreter does not know: " + n);
  }

  private static Type owner(String internal) {
    return Type.getObjectType(internal);
  }

  private Object[] values(IrMethod ir, Block b, Object[] env, List<Value> vs) {
    Object[] r = new Object[vs.size()];
    for (int i = 0; i < r.length; i++) {
      r[i] = read(ir, b, env, vs.get(i));
    }
    return r;
  }

  private Object binary(IrMethod ir, Block b, Insn.Binary x, Object l, Object r) {
    switch (x.out().kind()) {
      case INT -> {
        int a = (Integer) l;
        int c = (Integer) r;
        if (c == 0 && (x.op() == BinOp.DIV || x.op() == BinOp.REM)) {
          throw new ArithmeticException("/ by zero"); // not the fast-throw one without message
        }
        return switch (x.op()) {
          case ADD -> a + c;
          case SUB -> a - c;
          case MUL -> a * c;
          case DIV -> a / c;
          case REM -> a % c;
          case SHL -> a << c;
          case SHR -> a >> c;
          case USHR -> a >>> c;
          case AND -> a & c;
          case OR -> a | c;
          case XOR -> a ^ c;
        };
      }
      case LONG -> {
        long a = (Long) l;
        boolean shift = x.op() == BinOp.SHL
            || x.op() == BinOp.SHR || x.op() == BinOp.USHR;
        if (shift) {
          int c = (Integer) r;
          return switch (x.op()) {
            case SHL -> a << c;
            case SHR -> a >> c;
            default -> a >>> c;
          };
        }
        long c = (Long) r;
        if (c == 0 && (x.op() == BinOp.DIV || x.op() == BinOp.REM)) {
          throw new ArithmeticException("/ by zero");
        }
        return switch (x.op()) {
          case ADD -> a + c;
          case SUB -> a - c;
          case MUL -> a * c;
          case DIV -> a / c;
          case REM -> a % c;
          case AND -> a & c;
          case OR -> a | c;
          case XOR -> a ^ c;
          default -> throw fail(ir, b, "long " + x.op());
        };
      }
      case FLOAT -> {
        float a = (Float) l;
        float c = (Float) r;
        return switch (x.op()) {
          case ADD -> a + c;
          case SUB -> a - c;
          case MUL -> a * c;
          case DIV -> a / c;
          case REM -> a % c;
          default -> throw fail(ir, b, "float " + x.op());
        };
      }
      case DOUBLE -> {
        double a = (Double) l;
        double c = (Double) r;
        return switch (x.op()) {
          case ADD -> a + c;
          case SUB -> a - c;
          case MUL -> a * c;
          case DIV -> a / c;
          case REM -> a % c;
          default -> throw fail(ir, b, "double " + x.op());
        };
      }
      default -> throw fail(ir, b, "arithmetic on references: " + x);
    }
  }

  private static Object convert(Insn.Convert x, Object v) {
    return switch (x.conv()) {
      case I2L -> (long) (Integer) v;
      case I2F -> (float) (Integer) v;
      case I2D -> (double) (Integer) v;
      case L2I -> (int) (long) (Long) v;
      case L2F -> (float) (Long) v;
      case L2D -> (double) (Long) v;
      case F2I -> (int) (float) (Float) v;
      case F2L -> (long) (float) (Float) v;
      case F2D -> (double) (Float) v;
      case D2I -> (int) (double) (Double) v;
      case D2L -> (long) (double) (Double) v;
      case D2F -> (float) (double) (Double) v;
      case I2B -> (int) (byte) (int) (Integer) v;
      case I2C -> (int) (char) (int) (Integer) v;
      case I2S -> (int) (short) (int) (Integer) v;
    };
  }

  private static Object compare(Insn.Compare x, Object l, Object r) {
    return switch (x.op()) {
      case LCMP -> Long.compare((Long) l, (Long) r);
      case FCMPL, FCMPG -> {
        float a = (Float) l;
        float c = (Float) r;
        yield a > c ? 1 : a == c ? 0 : a < c ? -1 : x.op() == dev.kiln.frontend.CmpOp.FCMPL
            ? -1 : 1;
      }
      case DCMPL, DCMPG -> {
        double a = (Double) l;
        double c = (Double) r;
        yield a > c ? 1 : a == c ? 0 : a < c ? -1 : x.op() == dev.kiln.frontend.CmpOp.DCMPL
            ? -1 : 1;
      }
    };
  }

  /**
   * The JVM's implicit exceptions of an array access, raised here with the message HotSpot
   * gives them: the interpreter's own array accesses get hot and C2-compiled, and HotSpot then
   * throws preallocated exceptions without a message (OmitStackTraceInFastThrow).
   */
  private static void checkIndex(Object a, int i) {
    if (a == null) {
      throw new NullPointerException("Cannot load from or store to a null array");
    }
    int n = Array.getLength(a);
    if (i < 0 || i >= n) {
      throw new ArrayIndexOutOfBoundsException("Index " + i + " out of bounds for length " + n);
    }
  }

  /** The real array access of {@code opcode}, on the real array, after {@link #checkIndex}. */
  private Object arrayLoad(IrMethod ir, Block b, int opcode, Object a, int i) {
    checkIndex(a, i);
    return switch (opcode) {
      case Opcodes.IALOAD -> ((int[]) a)[i];
      case Opcodes.LALOAD -> ((long[]) a)[i];
      case Opcodes.FALOAD -> ((float[]) a)[i];
      case Opcodes.DALOAD -> ((double[]) a)[i];
      case Opcodes.AALOAD -> ((Object[]) a)[i];
      case Opcodes.BALOAD -> a instanceof boolean[] z ? (z[i] ? 1 : 0) : (int) ((byte[]) a)[i];
      case Opcodes.CALOAD -> (int) ((char[]) a)[i];
      case Opcodes.SALOAD -> (int) ((short[]) a)[i];
      default -> throw fail(ir, b, "array load opcode " + opcode);
    };
  }

  private void arrayStore(IrMethod ir, Block b, int opcode, Object a, int i, Object v) {
    checkIndex(a, i);
    if (opcode == Opcodes.AASTORE && v != null
        && !a.getClass().getComponentType().isInstance(v)) {
      throw new ArrayStoreException(v.getClass().getName());
    }
    switch (opcode) {
      case Opcodes.IASTORE -> ((int[]) a)[i] = (Integer) v;
      case Opcodes.LASTORE -> ((long[]) a)[i] = (Long) v;
      case Opcodes.FASTORE -> ((float[]) a)[i] = (Float) v;
      case Opcodes.DASTORE -> ((double[]) a)[i] = (Double) v;
      case Opcodes.AASTORE -> ((Object[]) a)[i] = v;
      case Opcodes.BASTORE -> {
        if (a instanceof boolean[] z) {
          z[i] = ((Integer) v & 1) != 0;
        } else {
          ((byte[]) a)[i] = (byte) (int) (Integer) v;
        }
      }
      case Opcodes.CASTORE -> ((char[]) a)[i] = (char) (int) (Integer) v;
      case Opcodes.SASTORE -> ((short[]) a)[i] = (short) (int) (Integer) v;
      default -> throw fail(ir, b, "array store opcode " + opcode);
    }
  }

  private Object newArray(IrMethod ir, Block b, Type arrayType, int[] dims) {
    if (arrayType.getSort() != Type.ARRAY || dims.length == 0
        || dims.length > arrayType.getDimensions()) {
      throw fail(ir, b, "new " + arrayType + " with " + dims.length + " dimensions");
    }
    if (dims.length == 1 && arrayType.getDimensions() == 1) {
      int n = dims[0];
      switch (arrayType.getElementType().getSort()) {
        case Type.BOOLEAN: return new boolean[n];
        case Type.BYTE: return new byte[n];
        case Type.CHAR: return new char[n];
        case Type.SHORT: return new short[n];
        case Type.INT: return new int[n];
        case Type.LONG: return new long[n];
        case Type.FLOAT: return new float[n];
        case Type.DOUBLE: return new double[n];
        default: break;
      }
    }
    // the component type once the given dimensions are stripped
    Class<?> c = load(arrayType);
    for (int i = 0; i < dims.length; i++) {
      c = c.getComponentType();
    }
    return Array.newInstance(c, dims);
  }

  // ---------------------------------------------------------------- calls

  private interface Resolver {
    MethodHandle get() throws ReflectiveOperationException;
  }

  private MethodHandle handle(Insn n, Resolver r) {
    MethodHandle h = handles.get(n);
    if (h == null) {
      try {
        h = r.get();
      } catch (ReflectiveOperationException e) {
        throw new Failure("cannot link " + IrPrinter.statement(n) + ": " + e, e);
      }
      if (h.isVarargsCollector()) {
        h = h.asFixedArity(); // the bytecode passes the array itself
      }
      handles.put(n, h);
    }
    return h;
  }

  private Object invoke(IrMethod ir, Block b, Object[] env, Insn.Invoke x) throws Throwable {
    MethodRef m = x.method();
    Object[] args = values(ir, b, env, x.args());
    Type[] params = Type.getArgumentTypes(m.desc());
    Type ret = Type.getReturnType(m.desc());
    int opcode = x.opcode();
    if (opcode == Opcodes.INVOKESTATIC && m.owner().equals(ownerInternal)) {
      IrMethod callee = ir(m.name(), m.desc());
      if (callee != null && callee.isStatic()) {
        if (args.length != params.length) {
          throw fail(ir, b, "call with " + args.length + " arguments: " + x);
        }
        Object r = run(callee, args);
        return ret.getSort() == Type.VOID ? null : toJvm(ret, fromJvm(ret, r));
      }
    }
    if ((opcode == Opcodes.INVOKESPECIAL || opcode == Opcodes.INVOKEVIRTUAL)
        && m.owner().equals(ownerInternal) && isPrivateInstanceMethod(m.name(), m.desc())) {
      // private: no overriding, so the owner's own code runs; interpret it too
      IrMethod callee = ir(m.name(), m.desc());
      if (args.length != params.length + 1) {
        throw fail(ir, b, "call with " + args.length + " arguments: " + x);
      }
      if (args[0] == null) {
        throw new NullPointerException("Cannot invoke \"" + m.name() + "\" on null");
      }
      Object r = run(callee, args);
      return ret.getSort() == Type.VOID ? null : toJvm(ret, fromJvm(ret, r));
    }
    if (opcode == Opcodes.INVOKESTATIC && m.owner().equals("java/lang/invoke/MethodHandles")
        && m.name().equals("lookup") && m.desc().equals("()Ljava/lang/invoke/MethodHandles$Lookup;")
        && lookup.hasFullPrivilegeAccess()) {
      // caller-sensitive: the original's code gets a full-privilege lookup on its own class
      // (through a handle, the JDK would answer for an injected invoker class instead)
      return lookup;
    }
    if (m.owner().startsWith("[") && m.name().equals("clone") && args.length == 1) {
      return cloneArray(args[0]); // public on arrays, protected in Object: no handle for it
    }
    Class<?> refc = load(Type.getObjectType(m.owner()));
    MethodType type = MethodType.fromMethodDescriptorString(m.desc(), loader);
    Method sensitive = callerSensitive.get(x);
    if (sensitive != null) {
      return reflect(sensitive, opcode, params, ret, args);
    }
    MethodHandle h;
    try {
      h = handle(x, () -> switch (opcode) {
      case Opcodes.INVOKESTATIC -> lookup.findStatic(refc, m.name(), type);
      case Opcodes.INVOKEVIRTUAL, Opcodes.INVOKEINTERFACE -> lookup.findVirtual(refc, m.name(), type);
      case Opcodes.INVOKESPECIAL -> lookup.findSpecial(refc, m.name(), type, owner);
      default -> throw new NoSuchMethodException("invoke opcode " + opcode);
    });
    } catch (Failure f) {
      // a caller-sensitive method (Class.getDeclaredMethod, Method.invoke...) wants a lookup
      // with full privilege, which privateLookupIn does not give: call it reflectively
      Method r = reflective(refc, m.name(), type);
      if (r == null || !(f.getCause() instanceof IllegalAccessException)) {
        throw f;
      }
      callerSensitive.put(x, r);
      return reflect(r, opcode, params, ret, args);
    }
    Type[] all = params;
    if (opcode != Opcodes.INVOKESTATIC) {
      all = new Type[params.length + 1];
      all[0] = Type.getObjectType(m.owner());
      System.arraycopy(params, 0, all, 1, params.length);
    }
    if (args.length != all.length) {
      throw fail(ir, b, "call with " + args.length + " arguments: " + x);
    }
    return call(h, all, ret, args);
  }

  private final Map<Insn, Method> callerSensitive = new IdentityHashMap<>();

  private static Method reflective(Class<?> c, String name, MethodType type) {
    for (Class<?> k = c; k != null; k = k.getSuperclass()) {
      try {
        return k.getMethod(name, type.parameterArray());
      } catch (NoSuchMethodException e) {
        // try the superclass's declared ones below
      }
    }
    return null;
  }

  private static Object reflect(Method r, int opcode, Type[] params, Type ret, Object[] args)
      throws Throwable {
    boolean isStatic = opcode == Opcodes.INVOKESTATIC;
    Object receiver = isStatic ? null : args[0];
    if (!isStatic && receiver == null) {
      throw new NullPointerException("Cannot invoke \"" + r.getName() + "\" on null");
    }
    Object[] java = new Object[params.length];
    for (int i = 0; i < params.length; i++) {
      java[i] = fromJvm(params[i], args[i + (isStatic ? 0 : 1)]);
    }
    try {
      return toJvm(ret, r.invoke(receiver, java));
    } catch (java.lang.reflect.InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** {@code a.clone()} on an array: a shallow copy of the same runtime class. */
  private static Object cloneArray(Object a) {
    if (a == null) {
      throw new NullPointerException("Cannot invoke \"Object.clone()\" because the array is null");
    }
    int n = Array.getLength(a);
    Object copy = Array.newInstance(a.getClass().getComponentType(), n);
    System.arraycopy(a, 0, copy, 0, n);
    return copy;
  }

  private boolean isPrivateInstanceMethod(String name, String desc) {
    MethodNode mn = Frontend.method(classNode(), name, desc);
    return mn != null && (mn.access & Opcodes.ACC_PRIVATE) != 0
        && (mn.access & (Opcodes.ACC_STATIC | Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) == 0;
  }

  /** Calls {@code h} with JVM values converted to the Java boxes of {@code params}. */
  private static Object call(MethodHandle h, Type[] params, Type ret, Object[] args)
      throws Throwable {
    Object[] java = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      java[i] = fromJvm(params[i], args[i]);
    }
    Object r = h.invokeWithArguments(java);
    return toJvm(ret, r);
  }

  private Object invokeDynamic(IrMethod ir, Block b, Object[] env, Insn.InvokeDynamic x)
      throws Throwable {
    Object[] args = values(ir, b, env, x.args());
    Type[] params = Type.getArgumentTypes(x.desc());
    Type ret = Type.getReturnType(x.desc());
    Handle bsm = x.bootstrap();
    if (bsm.getOwner().equals("java/lang/invoke/StringConcatFactory")) {
      String recipe;
      List<Object> constants;
      if (bsm.getName().equals("makeConcatWithConstants")) {
        recipe = (String) x.bootstrapArgs().get(0);
        constants = x.bootstrapArgs().subList(1, x.bootstrapArgs().size());
      } else if (bsm.getName().equals("makeConcat")) {
        recipe = "\u0001".repeat(params.length);
        constants = List.of();
      } else {
        throw fail(ir, b, "string concatenation bootstrap " + bsm);
      }
      return concat(ir, b, recipe, constants, params, args);
    }
    // anything else (lambdas...): link it for real, once per instruction, as the JVM would
    MethodHandle target = handle(x, () -> {
      try {
        return linkCallSite(x).dynamicInvoker();
      } catch (ReflectiveOperationException | RuntimeException | Error e) {
        throw e;
      } catch (Throwable t) {
        throw new ReflectiveOperationException(t);
      }
    });
    return call(target, params, ret, args);
  }

  private String concat(IrMethod ir, Block b, String recipe, List<Object> constants,
                        Type[] params, Object[] args) {
    StringBuilder sb = new StringBuilder();
    int arg = 0;
    int cst = 0;
    for (int i = 0; i < recipe.length(); i++) {
      char c = recipe.charAt(i);
      if (c == '\u0001') {
        if (arg >= args.length) {
          throw fail(ir, b, "recipe wants more arguments than " + args.length);
        }
        Object v = fromJvm(params[arg], args[arg]);
        sb.append(String.valueOf(v)); // Boolean, Character, Byte... print as their primitive
        arg++;
      } else if (c == '\u0002') {
        sb.append(String.valueOf(constants.get(cst++)));
      } else {
        sb.append(c);
      }
    }
    if (arg != args.length) {
      throw fail(ir, b, "recipe uses " + arg + " of " + args.length + " arguments");
    }
    return sb.toString();
  }

  private CallSite linkCallSite(Insn.InvokeDynamic x) throws Throwable {
    List<Object> bsmArgs = new ArrayList<>();
    bsmArgs.add(lookup);
    bsmArgs.add(x.name());
    bsmArgs.add(MethodType.fromMethodDescriptorString(x.desc(), loader));
    for (Object a : x.bootstrapArgs()) {
      bsmArgs.add(constant(a));
    }
    return (CallSite) constantHandle(x.bootstrap()).invokeWithArguments(bsmArgs);
  }

  private Object constant(Object c) throws ReflectiveOperationException {
    if (c instanceof Type t) {
      return t.getSort() == Type.METHOD ? MethodType.fromMethodDescriptorString(t.getDescriptor(),
          loader) : load(t);
    }
    if (c instanceof Handle h) {
      return constantHandle(h);
    }
    if (c instanceof String || c instanceof Number) {
      return c;
    }
    throw new ReflectiveOperationException("bootstrap argument " + c);
  }

  private MethodHandle constantHandle(Handle h) throws ReflectiveOperationException {
    Class<?> refc = load(Type.getObjectType(h.getOwner()));
    Type t = Type.getType(h.getDesc());
    return switch (h.getTag()) {
      case Opcodes.H_INVOKESTATIC -> lookup.findStatic(refc, h.getName(),
          MethodType.fromMethodDescriptorString(h.getDesc(), loader));
      case Opcodes.H_INVOKEVIRTUAL, Opcodes.H_INVOKEINTERFACE -> lookup.findVirtual(refc,
          h.getName(), MethodType.fromMethodDescriptorString(h.getDesc(), loader));
      case Opcodes.H_INVOKESPECIAL -> lookup.findSpecial(refc, h.getName(),
          MethodType.fromMethodDescriptorString(h.getDesc(), loader), owner);
      case Opcodes.H_NEWINVOKESPECIAL -> lookup.findConstructor(refc,
          MethodType.fromMethodDescriptorString(h.getDesc(), loader));
      case Opcodes.H_GETSTATIC -> lookup.findStaticGetter(refc, h.getName(), load(t));
      case Opcodes.H_PUTSTATIC -> lookup.findStaticSetter(refc, h.getName(), load(t));
      case Opcodes.H_GETFIELD -> lookup.findGetter(refc, h.getName(), load(t));
      case Opcodes.H_PUTFIELD -> lookup.findSetter(refc, h.getName(), load(t));
      default -> throw new ReflectiveOperationException("handle kind " + h.getTag());
    };
  }

  // ---------------------------------------------------------------- classes

  /** The class of an ASM type, loaded (not initialized) through the owner's loader. */
  Class<?> load(Type t) {
    switch (t.getSort()) {
      case Type.BOOLEAN: return boolean.class;
      case Type.BYTE: return byte.class;
      case Type.CHAR: return char.class;
      case Type.SHORT: return short.class;
      case Type.INT: return int.class;
      case Type.LONG: return long.class;
      case Type.FLOAT: return float.class;
      case Type.DOUBLE: return double.class;
      case Type.VOID: return void.class;
      default: break;
    }
    String name = t.getSort() == Type.ARRAY ? t.getDescriptor().replace('/', '.')
        : t.getClassName();
    Class<?> c = classes.get(name);
    if (c == null) {
      try {
        c = Class.forName(name, false, loader);
      } catch (ClassNotFoundException e) {
        throw new Failure("cannot load " + name, e);
      }
      classes.put(name, c);
    }
    return c;
  }

  /** The ClassCastException the JVM's {@code checkcast} of {@code v} to {@code t} throws. */
  private ClassCastException castFailure(IrMethod ir, Block b, Type t, Object v)
      throws Throwable {
    for (int attempt = 0; attempt < 2; attempt++) {
      try {
        checkCast(t).invoke(v);
      } catch (ClassCastException e) {
        if (e.getMessage() != null) {
          return e;
        }
        casts.remove(t); // a hot, compiled cast threw its preallocated exception: a fresh one
      }
    }
    throw fail(ir, b, "checkcast of " + v.getClass() + " to " + t + " did not fail");
  }

  /**
   * A method that runs the JVM's own {@code checkcast} to {@code t}, so that a failing cast
   * throws the very ClassCastException (message included) the original would: a hidden class
   * in the owner's package, so it reaches what the owner reaches.
   */
  private MethodHandle checkCast(Type t) throws ReflectiveOperationException {
    MethodHandle h = casts.get(t);
    if (h == null) {
      String pkg = ownerInternal.contains("/")
          ? ownerInternal.substring(0, ownerInternal.lastIndexOf('/') + 1) : "";
      ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
      cw.visit(Opcodes.V17, Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, pkg + "KilnIrCast", null,
          "java/lang/Object", null);
      var mv = cw.visitMethod(Opcodes.ACC_STATIC, "cast", "(Ljava/lang/Object;)Ljava/lang/Object;",
          null, null);
      mv.visitCode();
      mv.visitVarInsn(Opcodes.ALOAD, 0);
      mv.visitTypeInsn(Opcodes.CHECKCAST, t.getSort() == Type.ARRAY ? t.getDescriptor()
          : t.getInternalName());
      mv.visitInsn(Opcodes.ARETURN);
      mv.visitMaxs(0, 0);
      mv.visitEnd();
      cw.visitEnd();
      MethodHandles.Lookup hidden = lookup.defineHiddenClass(cw.toByteArray(), true);
      h = hidden.findStatic(hidden.lookupClass(), "cast",
          MethodType.methodType(Object.class, Object.class));
      casts.put(t, h);
    }
    return h;
  }
}
