package dev.kiln.frontend;

import static org.objectweb.asm.Opcodes.*;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.MultiANewArrayInsnNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.util.Printer;

/**
 * Builds Kiln IR from one method's bytecode.
 *
 * <p>Algorithm. (1) Cut the instruction list into basic blocks at jump targets, after jumps,
 * at handler starts and try-range bounds, and, inside try ranges, after every local store, so
 * that every throwing instruction of a block sees the block's entry state. (2) Keep the blocks
 * reachable over normal and exceptional edges. (3) Visit them in reverse postorder, running an
 * abstract interpretation of the operand stack that turns each instruction into a statement
 * over SSA values; locals (per slot and kind) and operand-stack slots live across blocks as
 * variables, read and written with Braun et al.'s on-the-fly SSA construction ("Simple and
 * Efficient Construction of SSA Form", CC 2013): a block is sealed once all its predecessors
 * are filled, and reads in unsealed blocks make incomplete phis. (4) Remove trivial phis to a
 * fixed point, then dead phis. Cost is linear in the instructions times the phi fixpoint's
 * rounds (bounded by loop nesting in practice).
 */
final class IrBuilder {
  private final ClassNode owner;
  private final MethodNode method;
  private final AbstractInsnNode[] code;
  private final int[] lines;
  private int nextValue;

  // CFG
  private final Map<Integer, Block> blockAt = new HashMap<>();
  private final List<Integer> starts = new ArrayList<>();
  private final Map<Block, int[]> range = new IdentityHashMap<>();
  private final Map<Block, List<Block>> normalSuccs = new IdentityHashMap<>();

  // SSA construction state
  private final Map<Block, Map<Var, Value>> currentDef = new IdentityHashMap<>();
  private final Map<Block, Map<Var, Value>> entryDef = new IdentityHashMap<>();
  private final Map<Block, Map<Var, Insn.Phi>> incomplete = new IdentityHashMap<>();
  private final Set<Block> sealed = new HashSet<>();
  private final Set<Block> filled = new HashSet<>();
  private final Map<Block, List<Kind>> exitStack = new IdentityHashMap<>();
  private Block entry;

  /** A variable of SSA construction: a local (slot, kind) or an operand-stack slot. */
  private record Var(boolean stack, int index, Kind kind) {}

  /** JVM bytecode offset of each real instruction, or {@code null} when unknown. */
  private final int[] offsets;

  IrBuilder(ClassNode owner, MethodNode method, int[] offsets) {
    this.offsets = offsets;
    this.owner = owner;
    this.method = method;
    this.code = method.instructions.toArray();
    this.lines = new int[code.length];
    int line = -1;
    for (int i = 0; i < code.length; i++) {
      if (code[i] instanceof LineNumberNode ln) {
        line = ln.line;
      }
      lines[i] = line;
    }
  }

  IrMethod build() {
    if ((method.access & (ACC_ABSTRACT | ACC_NATIVE)) != 0) {
      throw unsupported(0, "an abstract or native method has no bytecode to compile");
    }
    findBlocks();
    List<Block> order = reversePostorder();
    List<Value> params = enterParams();
    sealIfReady(entry);
    for (Block b : order) {
      if (b == entry) {
        continue;
      }
      fill(b);
    }
    for (Block b : order) {
      if (!sealed.contains(b)) {
        throw new IllegalStateException("unsealed block " + b + " in " + name());
      }
    }
    List<Block> blocks = new ArrayList<>();
    blocks.add(entry);
    for (int s : starts) {
      Block b = blockAt.get(s);
      if (filled.contains(b)) {
        blocks.add(b);
      }
    }
    finish(blocks);
    if ((method.access & ACC_SYNCHRONIZED) != 0) {
      synchronize(blocks, params);
    }
    return new IrMethod(owner.name, method.name, method.desc, (method.access & ACC_STATIC) != 0,
        owner.sourceFile, List.copyOf(blocks), List.copyOf(params), nextValue);
  }

  // ---------------------------------------------------------------- CFG

  private int realIndex(int i) {
    while (i < code.length && code[i].getOpcode() < 0) {
      i++;
    }
    return i;
  }

  private int indexOf(LabelNode l) {
    return realIndex(method.instructions.indexOf(l));
  }

  private boolean inTryRange(int i) {
    for (TryCatchBlockNode tc : method.tryCatchBlocks) {
      if (i >= indexOf(tc.start) && i < indexOf(tc.end)) {
        return true;
      }
    }
    return false;
  }

  private void findBlocks() {
    BitSet leaders = new BitSet(code.length + 1);
    leaders.set(realIndex(0));
    for (TryCatchBlockNode tc : method.tryCatchBlocks) {
      leaders.set(indexOf(tc.start));
      leaders.set(indexOf(tc.end));
      leaders.set(indexOf(tc.handler));
    }
    for (int i = 0; i < code.length; i++) {
      AbstractInsnNode n = code[i];
      int op = n.getOpcode();
      if (n instanceof JumpInsnNode j) {
        if (op == JSR) {
          throw unsupported(i, "jsr (subroutines from pre-Java-6 compilers)");
        }
        leaders.set(indexOf(j.label));
        leaders.set(realIndex(i + 1));
      } else if (n instanceof TableSwitchInsnNode t) {
        leaders.set(indexOf(t.dflt));
        t.labels.forEach(l -> leaders.set(indexOf(l)));
        leaders.set(realIndex(i + 1));
      } else if (n instanceof LookupSwitchInsnNode t) {
        leaders.set(indexOf(t.dflt));
        t.labels.forEach(l -> leaders.set(indexOf(l)));
        leaders.set(realIndex(i + 1));
      } else if ((op >= IRETURN && op <= RETURN) || op == ATHROW || op == RET) {
        leaders.set(realIndex(i + 1));
      } else if ((n instanceof VarInsnNode && op >= ISTORE && op <= ASTORE
          || n instanceof IincInsnNode) && inTryRange(i)) {
        leaders.set(realIndex(i + 1));
      }
    }
    int id = 1;
    for (int i = leaders.nextSetBit(0); i >= 0 && i < code.length; i = leaders.nextSetBit(i + 1)) {
      starts.add(i);
      blockAt.put(i, new Block(id++));
    }
    entry = new Block(0);
    for (int k = 0; k < starts.size(); k++) {
      int s = starts.get(k);
      int e = k + 1 < starts.size() ? starts.get(k + 1) : code.length;
      Block b = blockAt.get(s);
      range.put(b, new int[] {s, e});
      normalSuccs.put(b, computeSuccessors(s, e, k + 1 < starts.size() ? blockAt.get(e) : null));
      boolean throwsInside = false;
      for (int i = s; i < e; i++) {
        if (mayThrow(code[i])) {
          throwsInside = true;
          break;
        }
      }
      if (throwsInside) {
        for (TryCatchBlockNode tc : method.tryCatchBlocks) {
          if (s >= indexOf(tc.start) && s < indexOf(tc.end)) {
            b.handlers.add(new Block.Handler(tc.type, blockAt.get(indexOf(tc.handler))));
          }
        }
      }
    }
    normalSuccs.put(entry, List.of(blockAt.get(starts.get(0))));
  }

  private List<Block> computeSuccessors(int s, int e, Block next) {
    int last = e - 1;
    while (last > s && code[last].getOpcode() < 0) {
      last--;
    }
    AbstractInsnNode n = code[last];
    int op = n.getOpcode();
    List<Block> r = new ArrayList<>();
    if (n instanceof JumpInsnNode j) {
      r.add(blockAt.get(indexOf(j.label)));
      if (op != GOTO) {
        addNext(r, next, s);
      }
    } else if (n instanceof TableSwitchInsnNode t) {
      t.labels.forEach(l -> r.add(blockAt.get(indexOf(l))));
      r.add(blockAt.get(indexOf(t.dflt)));
    } else if (n instanceof LookupSwitchInsnNode t) {
      t.labels.forEach(l -> r.add(blockAt.get(indexOf(l))));
      r.add(blockAt.get(indexOf(t.dflt)));
    } else if ((op >= IRETURN && op <= RETURN) || op == ATHROW) {
      // no normal successor
    } else {
      addNext(r, next, s);
    }
    List<Block> distinct = new ArrayList<>();
    for (Block b : r) {
      if (!distinct.contains(b)) {
        distinct.add(b);
      }
    }
    return distinct;
  }

  private void addNext(List<Block> r, Block next, int s) {
    if (next == null) {
      throw unsupported(s, "control falls off the end of the method");
    }
    r.add(next);
  }

  private static boolean mayThrow(AbstractInsnNode n) {
    int op = n.getOpcode();
    switch (op) {
      case IALOAD, LALOAD, FALOAD, DALOAD, AALOAD, BALOAD, CALOAD, SALOAD,
          IASTORE, LASTORE, FASTORE, DASTORE, AASTORE, BASTORE, CASTORE, SASTORE,
          IDIV, LDIV, IREM, LREM, ARRAYLENGTH, ATHROW, MONITORENTER, MONITOREXIT,
          GETSTATIC, PUTSTATIC, GETFIELD, PUTFIELD, INVOKEVIRTUAL, INVOKESPECIAL,
          INVOKESTATIC, INVOKEINTERFACE, INVOKEDYNAMIC, NEW, NEWARRAY, ANEWARRAY,
          MULTIANEWARRAY, CHECKCAST:
        return true;
      case LDC:
        return !(((LdcInsnNode) n).cst instanceof Number || ((LdcInsnNode) n).cst instanceof String);
      default:
        return false;
    }
  }

  private List<Block> successorsWithHandlers(Block b) {
    List<Block> r = new ArrayList<>(normalSuccs.get(b));
    for (Block.Handler h : b.handlers) {
      if (!r.contains(h.target())) {
        r.add(h.target());
      }
    }
    return r;
  }

  /** Reverse postorder over normal and exceptional edges; also records predecessor edges. */
  private List<Block> reversePostorder() {
    List<Block> post = new ArrayList<>();
    Set<Block> seen = new HashSet<>();
    ArrayDeque<Object[]> stack = new ArrayDeque<>();
    seen.add(entry);
    stack.push(new Object[] {entry, 0});
    while (!stack.isEmpty()) {
      Object[] top = stack.peek();
      Block b = (Block) top[0];
      List<Block> succ = successorsWithHandlers(b);
      int i = (Integer) top[1];
      if (i < succ.size()) {
        top[1] = i + 1;
        Block s = succ.get(i);
        if (seen.add(s)) {
          stack.push(new Object[] {s, 0});
        }
      } else {
        post.add(b);
        stack.pop();
      }
    }
    java.util.Collections.reverse(post);
    // predecessor edges, from reachable blocks only, in a stable (bytecode) order
    List<Block> byCode = new ArrayList<>();
    byCode.add(entry);
    for (int s : starts) {
      Block b = blockAt.get(s);
      if (seen.contains(b)) {
        byCode.add(b);
      }
    }
    for (Block b : byCode) {
      for (Block s : normalSuccs.get(b)) {
        s.preds.add(new Block.Edge(b, false));
      }
      List<Block> excTargets = new ArrayList<>();
      for (Block.Handler h : b.handlers) {
        if (!excTargets.contains(h.target())) {
          excTargets.add(h.target());
          h.target().preds.add(new Block.Edge(b, true));
        }
      }
    }
    for (Block b : byCode) {
      boolean handler = false;
      for (TryCatchBlockNode tc : method.tryCatchBlocks) {
        if (b != entry && blockAt.get(indexOf(tc.handler)) == b) {
          handler = true;
        }
      }
      if (handler) {
        for (Block.Edge e : b.preds) {
          if (!e.exceptional()) {
            throw unsupported(range.get(b)[0], "an exception handler also entered by a jump");
          }
        }
      }
    }
    return post;
  }

  // ---------------------------------------------------------------- SSA variables

  private Value newValue(Kind kind) {
    return new Value(nextValue++, kind);
  }

  private void writeVariable(Var v, Block b, Value val) {
    currentDef.computeIfAbsent(b, k -> new HashMap<>()).put(v, val);
  }

  private Value readVariable(Var v, Block b) {
    Map<Var, Value> defs = currentDef.get(b);
    if (defs != null && defs.containsKey(v)) {
      return defs.get(v);
    }
    return readAtEntry(v, b);
  }

  private Value readOver(Block.Edge e, Var v) {
    return e.exceptional() ? readAtEntry(v, e.from()) : readVariable(v, e.from());
  }

  private Value readAtEntry(Var v, Block b) {
    Map<Var, Value> defs = entryDef.computeIfAbsent(b, k -> new HashMap<>());
    Value known = defs.get(v);
    if (known != null) {
      return known;
    }
    Value val;
    if (!sealed.contains(b)) {
      Insn.Phi phi = newPhi(b, v.kind());
      incomplete.computeIfAbsent(b, k -> new HashMap<>()).put(v, phi);
      val = phi.out();
    } else if (b.preds.isEmpty()) {
      val = undefined(v.kind());
    } else if (b.preds.size() == 1) {
      val = readOver(b.preds.get(0), v);
    } else {
      Insn.Phi phi = newPhi(b, v.kind());
      defs.put(v, phi.out());
      addPhiOperands(v, phi, b);
      val = phi.out();
    }
    defs.put(v, val);
    return val;
  }

  private Insn.Phi newPhi(Block b, Kind kind) {
    Value out = newValue(kind);
    int start = b == entry ? -1 : range.get(b)[0];
    Insn.Phi phi = new Insn.Phi(out, new ArrayList<>(), site(start));
    out.setDef(phi);
    b.phis.add(phi);
    return phi;
  }

  private void addPhiOperands(Var v, Insn.Phi phi, Block b) {
    for (Block.Edge e : b.preds) {
      phi.inputs().add(readOver(e, v));
    }
  }

  private final Map<Kind, Value> undefined = new HashMap<>();

  /** A read that no definition reaches: only dead phis may use it (the verifier checks). */
  private Value undefined(Kind k) {
    return undefined.computeIfAbsent(k, kind -> {
      Object zero = switch (kind) {
        case INT -> 0;
        case LONG -> 0L;
        case FLOAT -> 0f;
        case DOUBLE -> 0d;
        case REF -> null;
      };
      Value out = newValue(kind);
      Insn c = new Insn.Const(out, zero, Site.NONE);
      out.setDef(c);
      entry.insns.add(c);
      return out;
    });
  }

  private void sealIfReady(Block b) {
    if (sealed.contains(b)) {
      return;
    }
    for (Block.Edge e : b.preds) {
      if (!filled.contains(e.from())) {
        return;
      }
    }
    Map<Var, Insn.Phi> inc = incomplete.remove(b);
    sealed.add(b);
    if (inc != null) {
      for (Map.Entry<Var, Insn.Phi> en : inc.entrySet()) {
        addPhiOperands(en.getKey(), en.getValue(), b);
      }
    }
  }

  // ---------------------------------------------------------------- filling blocks

  private List<Value> enterParams() {
    List<Value> params = new ArrayList<>();
    int slot = 0;
    int index = 0;
    if ((method.access & ACC_STATIC) == 0) {
      if (method.name.equals("<init>")) {
        throw unsupported(0, "constructors are compiled only as part of `new`");
      }
      Value v = newValue(Kind.REF);
      define(entry, new Insn.Param(v, index++, Site.NONE));
      writeVariable(new Var(false, slot++, Kind.REF), entry, v);
      params.add(v);
    }
    for (Type t : Type.getArgumentTypes(method.desc)) {
      Kind k = Kind.of(t);
      Value v = newValue(k);
      define(entry, new Insn.Param(v, index++, Site.NONE));
      writeVariable(new Var(false, slot, k), entry, v);
      slot += k.size();
      params.add(v);
    }
    Block first = blockAt.get(starts.get(0));
    entry.terminator = new Terminator.Goto(first, Site.NONE);
    filled.add(entry);
    exitStack.put(entry, List.of());
    return params;
  }

  private void define(Block b, Insn insn) {
    if (insn.out() != null) {
      insn.out().setDef(insn);
    }
    b.insns.add(insn);
  }

  private Site site(int i) {
    return i < 0 ? Site.NONE : new Site(i, lines[Math.min(i, lines.length - 1)]);
  }

  private void fill(Block b) {
    int[] r = range.get(b);
    List<Value> stack = new ArrayList<>();
    boolean handler = !b.preds.isEmpty() && b.preds.get(0).exceptional();
    if (handler) {
      Value exc = newValue(Kind.REF);
      define(b, new Insn.CatchValue(exc, site(r[0])));
      stack.add(exc);
    } else {
      List<Kind> kinds = null;
      for (Block.Edge e : b.preds) {
        if (filled.contains(e.from())) {
          kinds = exitStack.get(e.from());
          break;
        }
      }
      if (kinds == null) {
        throw new IllegalStateException("no filled predecessor for " + b);
      }
      for (int i = 0; i < kinds.size(); i++) {
        stack.add(readVariable(new Var(true, i, kinds.get(i)), b));
      }
    }
    new Interpreter(b, stack).run(r[0], r[1]);
    List<Kind> kinds = new ArrayList<>();
    for (int i = 0; i < stack.size(); i++) {
      Value v = stack.get(i);
      kinds.add(v.kind());
      writeVariable(new Var(true, i, v.kind()), b, v);
    }
    exitStack.put(b, kinds);
    filled.add(b);
    for (Block s : successorsWithHandlers(b)) {
      sealIfReady(s);
    }
    sealIfReady(b);
  }

  /** Abstract interpretation of one block's instructions over SSA values. */
  private final class Interpreter {
    private final Block b;
    private final List<Value> stack;
    private int at;

    Interpreter(Block b, List<Value> stack) {
      this.b = b;
      this.stack = stack;
    }

    private void push(Value v) {
      stack.add(v);
    }

    private Value pop() {
      if (stack.isEmpty()) {
        throw unsupported(at, "operand stack underflow");
      }
      return stack.remove(stack.size() - 1);
    }

    private Value peek(int depth) {
      return stack.get(stack.size() - 1 - depth);
    }

    private Value emit(Kind kind, java.util.function.Function<Value, Insn> make) {
      Value out = newValue(kind);
      define(b, make.apply(out));
      push(out);
      return out;
    }

    private void emitVoid(Insn insn) {
      define(b, insn);
    }

    private Site here() {
      return site(at);
    }

    private Block target(LabelNode l) {
      return blockAt.get(indexOf(l));
    }

    void run(int start, int end) {
      for (at = start; at < end; at++) {
        AbstractInsnNode n = code[at];
        if (n.getOpcode() < 0) {
          continue;
        }
        step(n);
        if (b.terminator != null) {
          return;
        }
      }
      Block next = end < code.length ? blockAt.get(end) : null;
      if (next == null) {
        throw unsupported(end - 1, "control falls off the end of the method");
      }
      b.terminator = new Terminator.Goto(next, site(end - 1));
    }

    private void constant(Kind k, Object v) {
      Site s = here();
      emit(k, out -> new Insn.Const(out, v, s));
    }

    private void load(int slot, Kind k) {
      push(readVariable(new Var(false, slot, k), b));
    }

    private void store(int slot, Kind k) {
      writeVariable(new Var(false, slot, k), b, pop());
    }

    private void binary(BinOp op, Kind k) {
      Value right = pop();
      Value left = pop();
      Site s = here();
      emit(k, out -> new Insn.Binary(out, op, left, right, s));
    }

    private void branch(Cond c, Value left, Value right, JumpInsnNode j) {
      Block next = blockAt.get(realIndex(at + 1));
      b.terminator = new Terminator.If(c, left, right, target(j.label), next, here());
    }

    private void invoke(MethodInsnNode m) {
      Type[] args = Type.getArgumentTypes(m.desc);
      int n = args.length + (m.getOpcode() == INVOKESTATIC ? 0 : 1);
      List<Value> vs = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        vs.add(0, pop());
      }
      MethodRef ref = new MethodRef(m.owner, m.name, m.desc, m.itf);
      Kind rk = Kind.of(Type.getReturnType(m.desc));
      Site s = here();
      if (m.getOpcode() == INVOKESPECIAL && m.name.equals("<init>")) {
        Value receiver = vs.get(0);
        Insn.New nw = uninitialized(receiver, new java.util.HashSet<>());
        if (nw == null) {
          throw unsupported(at, "a constructor call on something other than a fresh `new` "
              + "(super() or this() calls are compiled with their constructor)");
        }
        Value out = newValue(Kind.REF);
        define(b, new Insn.Construct(out, nw.type(), ref, List.copyOf(vs.subList(1, vs.size())), s));
        for (int i = 0; i < stack.size(); i++) {
          Value v = stack.get(i);
          if (v == receiver || v == nw.out()
              || v.kind() == Kind.REF && uninitialized(v, new java.util.HashSet<>()) == nw) {
            stack.set(i, out);
          }
        }
        return;
      }
      if (rk == null) {
        emitVoid(new Insn.Invoke(null, m.getOpcode(), ref, List.copyOf(vs), s));
      } else {
        emit(rk, out -> new Insn.Invoke(out, m.getOpcode(), ref, List.copyOf(vs), s));
      }
    }

    /**
     * The {@code new} a value stands for: itself, or a phi all of whose inputs are that
     * {@code new} (a constructor argument with a branch in it, {@code new T(c ? a : b)}, leaves
     * the uninitialized object on the stack across blocks).
     */
    private Insn.New uninitialized(Value v, java.util.Set<Value> seen) {
      if (v.def() instanceof Insn.New nw) {
        return nw;
      }
      if (!(v.def() instanceof Insn.Phi p) || !seen.add(v)) {
        return null;
      }
      Insn.New found = null;
      for (Value in : p.inputs()) {
        if (seen.contains(in)) {
          continue;
        }
        Insn.New n = uninitialized(in, seen);
        if (n == null || found != null && found != n) {
          return null;
        }
        found = n;
      }
      return found;
    }

    private void step(AbstractInsnNode n) {
      int op = n.getOpcode();
      switch (op) {
        case NOP -> { }
        case ACONST_NULL -> constant(Kind.REF, null);
        case ICONST_M1, ICONST_0, ICONST_1, ICONST_2, ICONST_3, ICONST_4, ICONST_5 ->
            constant(Kind.INT, op - ICONST_0);
        case LCONST_0, LCONST_1 -> constant(Kind.LONG, (long) (op - LCONST_0));
        case FCONST_0, FCONST_1, FCONST_2 -> constant(Kind.FLOAT, (float) (op - FCONST_0));
        case DCONST_0, DCONST_1 -> constant(Kind.DOUBLE, (double) (op - DCONST_0));
        case BIPUSH, SIPUSH -> constant(Kind.INT, ((IntInsnNode) n).operand);
        case LDC -> ldc(((LdcInsnNode) n).cst);
        case ILOAD -> load(((VarInsnNode) n).var, Kind.INT);
        case LLOAD -> load(((VarInsnNode) n).var, Kind.LONG);
        case FLOAD -> load(((VarInsnNode) n).var, Kind.FLOAT);
        case DLOAD -> load(((VarInsnNode) n).var, Kind.DOUBLE);
        case ALOAD -> load(((VarInsnNode) n).var, Kind.REF);
        case ISTORE -> store(((VarInsnNode) n).var, Kind.INT);
        case LSTORE -> store(((VarInsnNode) n).var, Kind.LONG);
        case FSTORE -> store(((VarInsnNode) n).var, Kind.FLOAT);
        case DSTORE -> store(((VarInsnNode) n).var, Kind.DOUBLE);
        case ASTORE -> store(((VarInsnNode) n).var, Kind.REF);
        case IINC -> {
          IincInsnNode inc = (IincInsnNode) n;
          Var v = new Var(false, inc.var, Kind.INT);
          Value old = readVariable(v, b);
          constant(Kind.INT, inc.incr);
          Value c = pop();
          Site s = here();
          Value out = newValue(Kind.INT);
          define(b, new Insn.Binary(out, BinOp.ADD, old, c, s));
          writeVariable(v, b, out);
        }
        case IALOAD, BALOAD, CALOAD, SALOAD -> arrayLoad(Kind.INT, op);
        case LALOAD -> arrayLoad(Kind.LONG, op);
        case FALOAD -> arrayLoad(Kind.FLOAT, op);
        case DALOAD -> arrayLoad(Kind.DOUBLE, op);
        case AALOAD -> arrayLoad(Kind.REF, op);
        case IASTORE, LASTORE, FASTORE, DASTORE, AASTORE, BASTORE, CASTORE, SASTORE -> {
          Value val = pop();
          Value idx = pop();
          Value arr = pop();
          emitVoid(new Insn.ArrayStore(arr, idx, val, op, here()));
        }
        case POP -> pop();
        case POP2 -> {
          if (pop().kind().size() == 1) {
            pop();
          }
        }
        case DUP -> push(peek(0));
        case DUP_X1 -> {
          Value v1 = pop();
          Value v2 = pop();
          push(v1);
          push(v2);
          push(v1);
        }
        case DUP_X2 -> {
          Value v1 = pop();
          Value v2 = pop();
          if (v2.kind().size() == 2) {
            push(v1);
            push(v2);
            push(v1);
          } else {
            Value v3 = pop();
            push(v1);
            push(v3);
            push(v2);
            push(v1);
          }
        }
        case DUP2 -> {
          Value v1 = peek(0);
          if (v1.kind().size() == 2) {
            push(v1);
          } else {
            Value v2 = peek(1);
            push(v2);
            push(v1);
          }
        }
        case DUP2_X1 -> {
          Value v1 = pop();
          if (v1.kind().size() == 2) {
            Value v2 = pop();
            push(v1);
            push(v2);
            push(v1);
          } else {
            Value v2 = pop();
            Value v3 = pop();
            push(v2);
            push(v1);
            push(v3);
            push(v2);
            push(v1);
          }
        }
        case DUP2_X2 -> dup2x2();
        case SWAP -> {
          Value v1 = pop();
          Value v2 = pop();
          push(v1);
          push(v2);
        }
        case IADD -> binary(BinOp.ADD, Kind.INT);
        case LADD -> binary(BinOp.ADD, Kind.LONG);
        case FADD -> binary(BinOp.ADD, Kind.FLOAT);
        case DADD -> binary(BinOp.ADD, Kind.DOUBLE);
        case ISUB -> binary(BinOp.SUB, Kind.INT);
        case LSUB -> binary(BinOp.SUB, Kind.LONG);
        case FSUB -> binary(BinOp.SUB, Kind.FLOAT);
        case DSUB -> binary(BinOp.SUB, Kind.DOUBLE);
        case IMUL -> binary(BinOp.MUL, Kind.INT);
        case LMUL -> binary(BinOp.MUL, Kind.LONG);
        case FMUL -> binary(BinOp.MUL, Kind.FLOAT);
        case DMUL -> binary(BinOp.MUL, Kind.DOUBLE);
        case IDIV -> binary(BinOp.DIV, Kind.INT);
        case LDIV -> binary(BinOp.DIV, Kind.LONG);
        case FDIV -> binary(BinOp.DIV, Kind.FLOAT);
        case DDIV -> binary(BinOp.DIV, Kind.DOUBLE);
        case IREM -> binary(BinOp.REM, Kind.INT);
        case LREM -> binary(BinOp.REM, Kind.LONG);
        case FREM -> binary(BinOp.REM, Kind.FLOAT);
        case DREM -> binary(BinOp.REM, Kind.DOUBLE);
        case ISHL -> binary(BinOp.SHL, Kind.INT);
        case LSHL -> binary(BinOp.SHL, Kind.LONG);
        case ISHR -> binary(BinOp.SHR, Kind.INT);
        case LSHR -> binary(BinOp.SHR, Kind.LONG);
        case IUSHR -> binary(BinOp.USHR, Kind.INT);
        case LUSHR -> binary(BinOp.USHR, Kind.LONG);
        case IAND -> binary(BinOp.AND, Kind.INT);
        case LAND -> binary(BinOp.AND, Kind.LONG);
        case IOR -> binary(BinOp.OR, Kind.INT);
        case LOR -> binary(BinOp.OR, Kind.LONG);
        case IXOR -> binary(BinOp.XOR, Kind.INT);
        case LXOR -> binary(BinOp.XOR, Kind.LONG);
        case INEG, LNEG, FNEG, DNEG -> {
          Value v = pop();
          Site s = here();
          emit(v.kind(), out -> new Insn.Neg(out, v, s));
        }
        case I2L, I2F, I2D, L2I, L2F, L2D, F2I, F2L, F2D, D2I, D2L, D2F, I2B, I2C, I2S -> {
          Conv c = Conv.ofOpcode(op);
          Value v = pop();
          Site s = here();
          emit(c.to(), out -> new Insn.Convert(out, c, v, s));
        }
        case LCMP, FCMPL, FCMPG, DCMPL, DCMPG -> {
          CmpOp c = switch (op) {
            case LCMP -> CmpOp.LCMP;
            case FCMPL -> CmpOp.FCMPL;
            case FCMPG -> CmpOp.FCMPG;
            case DCMPL -> CmpOp.DCMPL;
            default -> CmpOp.DCMPG;
          };
          Value right = pop();
          Value left = pop();
          Site s = here();
          emit(Kind.INT, out -> new Insn.Compare(out, c, left, right, s));
        }
        case IFEQ, IFNE, IFLT, IFGE, IFGT, IFLE ->
            branch(Cond.values()[op - IFEQ], pop(), null, (JumpInsnNode) n);
        case IF_ICMPEQ, IF_ICMPNE, IF_ICMPLT, IF_ICMPGE, IF_ICMPGT, IF_ICMPLE -> {
          Value right = pop();
          Value left = pop();
          branch(Cond.values()[op - IF_ICMPEQ], left, right, (JumpInsnNode) n);
        }
        case IF_ACMPEQ, IF_ACMPNE -> {
          Value right = pop();
          Value left = pop();
          branch(op == IF_ACMPEQ ? Cond.EQ : Cond.NE, left, right, (JumpInsnNode) n);
        }
        case IFNULL, IFNONNULL ->
            branch(op == IFNULL ? Cond.EQ : Cond.NE, pop(), null, (JumpInsnNode) n);
        case GOTO -> b.terminator = new Terminator.Goto(target(((JumpInsnNode) n).label), here());
        case TABLESWITCH -> {
          TableSwitchInsnNode t = (TableSwitchInsnNode) n;
          List<Integer> keys = new ArrayList<>();
          List<Block> targets = new ArrayList<>();
          for (int k = t.min; k <= t.max; k++) {
            keys.add(k);
            targets.add(target(t.labels.get(k - t.min)));
          }
          b.terminator = new Terminator.Switch(pop(), List.copyOf(keys), List.copyOf(targets),
              target(t.dflt), here());
        }
        case LOOKUPSWITCH -> {
          LookupSwitchInsnNode t = (LookupSwitchInsnNode) n;
          List<Block> targets = new ArrayList<>();
          t.labels.forEach(l -> targets.add(target(l)));
          b.terminator = new Terminator.Switch(pop(), List.copyOf(t.keys), List.copyOf(targets),
              target(t.dflt), here());
        }
        case IRETURN, LRETURN, FRETURN, DRETURN, ARETURN ->
            b.terminator = new Terminator.Return(pop(), here());
        case RETURN -> b.terminator = new Terminator.Return(null, here());
        case ATHROW -> b.terminator = new Terminator.Throw(pop(), here());
        case GETSTATIC -> {
          FieldInsnNode f = (FieldInsnNode) n;
          FieldRef ref = new FieldRef(f.owner, f.name, f.desc);
          Site s = here();
          emit(Kind.of(Type.getType(f.desc)), out -> new Insn.GetStatic(out, ref, s));
        }
        case PUTSTATIC -> {
          FieldInsnNode f = (FieldInsnNode) n;
          emitVoid(new Insn.PutStatic(new FieldRef(f.owner, f.name, f.desc), pop(), here()));
        }
        case GETFIELD -> {
          FieldInsnNode f = (FieldInsnNode) n;
          FieldRef ref = new FieldRef(f.owner, f.name, f.desc);
          Value obj = pop();
          Site s = here();
          emit(Kind.of(Type.getType(f.desc)), out -> new Insn.GetField(out, ref, obj, s));
        }
        case PUTFIELD -> {
          FieldInsnNode f = (FieldInsnNode) n;
          Value val = pop();
          Value obj = pop();
          emitVoid(new Insn.PutField(new FieldRef(f.owner, f.name, f.desc), obj, val, here()));
        }
        case INVOKEVIRTUAL, INVOKESPECIAL, INVOKESTATIC, INVOKEINTERFACE ->
            invoke((MethodInsnNode) n);
        case INVOKEDYNAMIC -> {
          InvokeDynamicInsnNode d = (InvokeDynamicInsnNode) n;
          Type[] args = Type.getArgumentTypes(d.desc);
          List<Value> vs = new ArrayList<>();
          for (int i = 0; i < args.length; i++) {
            vs.add(0, pop());
          }
          Kind rk = Kind.of(Type.getReturnType(d.desc));
          Site s = here();
          List<Object> bsmArgs = List.of(d.bsmArgs);
          if (rk == null) {
            emitVoid(new Insn.InvokeDynamic(null, d.name, d.desc, d.bsm, bsmArgs, List.copyOf(vs), s));
          } else {
            emit(rk, out -> new Insn.InvokeDynamic(out, d.name, d.desc, d.bsm, bsmArgs,
                List.copyOf(vs), s));
          }
        }
        case NEW -> {
          String type = ((TypeInsnNode) n).desc;
          Site s = here();
          emit(Kind.REF, out -> new Insn.New(out, type, s));
        }
        case NEWARRAY -> {
          Type elem = switch (((IntInsnNode) n).operand) {
            case T_BOOLEAN -> Type.BOOLEAN_TYPE;
            case T_CHAR -> Type.CHAR_TYPE;
            case T_FLOAT -> Type.FLOAT_TYPE;
            case T_DOUBLE -> Type.DOUBLE_TYPE;
            case T_BYTE -> Type.BYTE_TYPE;
            case T_SHORT -> Type.SHORT_TYPE;
            case T_INT -> Type.INT_TYPE;
            default -> Type.LONG_TYPE;
          };
          newArray(Type.getType("[" + elem.getDescriptor()), 1);
        }
        case ANEWARRAY -> {
          Type elem = Type.getObjectType(((TypeInsnNode) n).desc);
          newArray(Type.getType("[" + elem.getDescriptor()), 1);
        }
        case MULTIANEWARRAY -> {
          MultiANewArrayInsnNode m = (MultiANewArrayInsnNode) n;
          newArray(Type.getType(m.desc), m.dims);
        }
        case ARRAYLENGTH -> {
          Value arr = pop();
          Site s = here();
          emit(Kind.INT, out -> new Insn.ArrayLength(out, arr, s));
        }
        case CHECKCAST -> {
          Type t = Type.getObjectType(((TypeInsnNode) n).desc);
          Value v = pop();
          Site s = here();
          emit(Kind.REF, out -> new Insn.CheckCast(out, t, v, s));
        }
        case INSTANCEOF -> {
          Type t = Type.getObjectType(((TypeInsnNode) n).desc);
          Value v = pop();
          Site s = here();
          emit(Kind.INT, out -> new Insn.InstanceOf(out, t, v, s));
        }
        case MONITORENTER -> emitVoid(new Insn.MonitorEnter(pop(), here()));
        case MONITOREXIT -> emitVoid(new Insn.MonitorExit(pop(), here()));
        default -> throw unsupported(at, Printer.OPCODES[op].toLowerCase(java.util.Locale.ROOT));
      }
    }

    private void dup2x2() {
      Value v1 = pop();
      if (v1.kind().size() == 2) {
        Value v2 = pop();
        if (v2.kind().size() == 2) {
          push(v1);
          push(v2);
          push(v1);
        } else {
          Value v3 = pop();
          push(v1);
          push(v3);
          push(v2);
          push(v1);
        }
      } else {
        Value v2 = pop();
        Value v3 = pop();
        if (v3.kind().size() == 2) {
          push(v2);
          push(v1);
          push(v3);
          push(v2);
          push(v1);
        } else {
          Value v4 = pop();
          push(v2);
          push(v1);
          push(v4);
          push(v3);
          push(v2);
          push(v1);
        }
      }
    }

    private void arrayLoad(Kind k, int op) {
      Value idx = pop();
      Value arr = pop();
      Site s = here();
      emit(k, out -> new Insn.ArrayLoad(out, arr, idx, op, s));
    }

    private void newArray(Type arrayType, int dims) {
      List<Value> ds = new ArrayList<>();
      for (int i = 0; i < dims; i++) {
        ds.add(0, pop());
      }
      Site s = here();
      emit(Kind.REF, out -> new Insn.NewArray(out, arrayType, List.copyOf(ds), s));
    }

    private void ldc(Object cst) {
      if (cst instanceof Integer) {
        constant(Kind.INT, cst);
      } else if (cst instanceof Long) {
        constant(Kind.LONG, cst);
      } else if (cst instanceof Float) {
        constant(Kind.FLOAT, cst);
      } else if (cst instanceof Double) {
        constant(Kind.DOUBLE, cst);
      } else if (cst instanceof String) {
        constant(Kind.REF, cst);
      } else if (cst instanceof Type t && t.getSort() != Type.METHOD) {
        constant(Kind.REF, t);
      } else {
        throw unsupported(at, "ldc of " + cst.getClass().getSimpleName() + " constant " + cst);
      }
    }
  }

  // ---------------------------------------------------------------- finishing

  private void finish(List<Block> blocks) {
    // trivial phis, to a fixed point
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Block b : blocks) {
        for (Insn.Phi phi : b.phis) {
          Value self = phi.out();
          if (self.resolve() != self) {
            continue;
          }
          Value same = null;
          boolean trivial = true;
          for (Value in : phi.inputs()) {
            Value r = in.resolve();
            if (r == self || r == same) {
              continue;
            }
            if (same != null) {
              trivial = false;
              break;
            }
            same = r;
          }
          if (trivial && same != null) {
            self.forwardTo(same);
            changed = true;
          }
        }
      }
    }
    for (Block b : blocks) {
      b.phis.removeIf(p -> p.out().resolve() != p.out());
      for (int i = 0; i < b.phis.size(); i++) {
        Insn.Phi p = b.phis.get(i);
        List<Value> ins = new ArrayList<>();
        for (Value v : p.inputs()) {
          ins.add(v.resolve());
        }
        p.inputs().clear();
        p.inputs().addAll(ins);
      }
      for (int i = 0; i < b.insns.size(); i++) {
        Insn n = b.insns.get(i).mapOperands(Value::resolve);
        if (n.out() != null) {
          n.out().setDef(n);
        }
        b.insns.set(i, n);
      }
      b.terminator = b.terminator.mapOperands(Value::resolve);
    }
    // dead phis
    Set<Value> live = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    ArrayDeque<Value> work = new ArrayDeque<>();
    for (Block b : blocks) {
      for (Insn n : b.insns) {
        work.addAll(n.operands());
      }
      work.addAll(b.terminator.operands());
    }
    while (!work.isEmpty()) {
      Value v = work.pop();
      if (live.add(v) && v.def() instanceof Insn.Phi p) {
        work.addAll(p.inputs());
      }
    }
    for (Block b : blocks) {
      b.phis.removeIf(p -> !live.contains(p.out()));
      for (int i = 0; i < b.phis.size(); i++) {
        Insn.Phi p = b.phis.get(i);
        Insn.Phi frozen = new Insn.Phi(p.out(), List.copyOf(p.inputs()), p.site());
        p.out().setDef(frozen);
        b.phis.set(i, frozen);
      }
      // a `new` runs its class's static initializer where it stands, before the constructor's
      // arguments: keep that point
      for (int i = 0; i < b.insns.size(); i++) {
        if (b.insns.get(i) instanceof Insn.New nw && !live.contains(nw.out())) {
          b.insns.set(i, new Insn.ClassInit(nw.type(), nw.site()));
        }
      }
      b.insns.removeIf(n -> n instanceof Insn.Const c && c.site() == Site.NONE
          && !live.contains(c.out()));
      for (Insn n : b.insns) {
        for (Value v : n.operands()) {
          if (v.def() instanceof Insn.New) {
            throw unsupported(n.site().offset(), "an object used before its constructor ran");
          }
        }
      }
    }
  }

  /**
   * A {@code synchronized} method holds its monitor for its whole body; the compiled form is a
   * static method, so the locking is spelled out as javac spells a synchronized block: enter
   * on entry, exit before each return, and a catch-all handler that exits and rethrows.
   */
  private void synchronize(List<Block> blocks, List<Value> params) {
    Value lock;
    if ((method.access & ACC_STATIC) != 0) {
      lock = newValue(Kind.REF);
      define(entry, new Insn.Const(lock, Type.getObjectType(owner.name), Site.NONE));
    } else {
      lock = params.get(0);
    }
    Site first = site(realIndex(0));
    define(entry, new Insn.MonitorEnter(lock, first));
    Block release = new Block(blockAt.size() + 1);
    Value caught = newValue(Kind.REF);
    define(release, new Insn.CatchValue(caught, Site.NONE));
    define(release, new Insn.MonitorExit(lock, Site.NONE));
    release.terminator = new Terminator.Throw(caught, Site.NONE);
    for (Block b : blocks) {
      if (b == entry) {
        continue;
      }
      if (b.terminator instanceof Terminator.Return r) {
        define(b, new Insn.MonitorExit(lock, r.site()));
      }
      boolean throwsHere = b.terminator instanceof Terminator.Throw;
      for (Insn n : b.insns) {
        throwsHere |= n.canThrow();
      }
      if (throwsHere) {
        b.handlers.add(new Block.Handler(null, release));
        release.preds.add(new Block.Edge(b, true));
      }
    }
    if (!release.preds.isEmpty()) {
      blocks.add(release);
    }
  }

  // ---------------------------------------------------------------- errors

  private String name() {
    return owner.name.replace('/', '.') + "." + method.name + method.desc;
  }

  private UnsupportedBytecodeError unsupported(int index, String what) {
    int line = index >= 0 && index < lines.length ? lines[index] : -1;
    String file = owner.sourceFile != null ? owner.sourceFile : "?";
    return new UnsupportedBytecodeError("Kiln cannot compile " + what + " in " + name() + " at "
        + file + ":" + line + " (" + position(index) + ")");
  }

  /** "bytecode offset N" as javap shows it, else the instruction's position in the list. */
  private String position(int index) {
    int ordinal = 0;
    for (int i = 0; i < index && i < code.length; i++) {
      if (code[i].getOpcode() >= 0) {
        ordinal++;
      }
    }
    if (offsets != null && ordinal < offsets.length) {
      return "bytecode offset " + offsets[ordinal];
    }
    return "instruction " + ordinal;
  }
}
