package dev.kiln.lowering;

import static org.objectweb.asm.Opcodes.*;

import dev.kiln.frontend.Block;
import dev.kiln.frontend.Insn;
import dev.kiln.frontend.IrMethod;
import dev.kiln.frontend.IrPrinter;
import dev.kiln.frontend.Site;
import dev.kiln.frontend.Terminator;
import dev.kiln.frontend.Value;
import dev.kiln.typing.KType;
import dev.kiln.typing.Prim;
import dev.kiln.typing.Resolution;
import dev.kiln.typing.Signature;
import dev.kiln.typing.TypedMethod;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

/**
 * Writes one typed method as JVM bytecode.
 *
 * <p>Out of SSA: every value that is not folded into its use gets a local of its own (so no
 * two values ever share a slot, and frames never merge different types in one slot); a phi's
 * local is written on each incoming edge by loading all inputs first and storing them after,
 * which makes the parallel copy safe against swaps. Edges that need copies and leave a
 * conditional branch get a trampoline, so no copy runs on the wrong path. Constants, and pure
 * non-throwing values used once later in the same block, are not stored but re-emitted at
 * their use, which rebuilds javac's expression trees (a {@code dcmpl} lands right before its
 * {@code ifge}). An exceptional edge carries the values live at its block's start (the
 * frontend's invariant), so a block's try range covers its statements but not the copies and
 * jumps of its terminator.
 */
final class MethodGenerator implements Emitter {
  private final CompileUnit unit;
  private final CompileUnit.UnitMethod um;
  private final TypedMethod tm;
  private final IrMethod ir;
  private final ClassWriter cw;
  private final AccessPolicy access;
  private MethodVisitor mv;

  private final Map<Value, Integer> slot = new IdentityHashMap<>();
  private final Map<Value, Integer> uses = new IdentityHashMap<>();
  private final Map<Value, Boolean> deferred = new IdentityHashMap<>();
  private int nextSlot;
  private final Map<Block, Label> start = new IdentityHashMap<>();
  private final Map<Block, Label> body = new IdentityHashMap<>();
  private final Map<Block, Label> rangeEnd = new IdentityHashMap<>();
  private final Map<Block, Boolean> hasRange = new IdentityHashMap<>();
  private final Map<String, Label> excTrampolines = new HashMap<>();
  private final List<Runnable> trampolines = new ArrayList<>();
  private int lastLine = -1;
  private boolean portable = true;
  private Label endLabel;
  private Block current;
  private final ClassInits classInits;

  MethodGenerator(CompileUnit unit, CompileUnit.UnitMethod um, ClassWriter cw,
                  AccessPolicy access, ClassInits classInits) {
    this.classInits = classInits;
    this.unit = unit;
    this.um = um;
    this.tm = um.method();
    this.ir = tm.ir();
    this.cw = cw;
    this.access = access;
  }

  /** Whether the code refers to nothing particular to this JVM (no class tokens). */
  boolean portable() {
    return portable;
  }

  /** Writes the method; returns the label at the end of its code (its offset is the size). */
  Label generate() {
    int acc = ACC_STATIC | (um.entry() ? ACC_PUBLIC : 0);
    Signature sig = tm.signature();
    mv = cw.visitMethod(acc, um.name(),
        dev.kiln.typing.UnitCall.descriptor(sig.args(), ir.returnType()), null, null);
    countUses();
    allocateParams(sig);
    allocateLocals();
    for (Block b : ir.blocks()) {
      start.put(b, new Label());
      body.put(b, new Label());
      rangeEnd.put(b, new Label());
    }
    mv.visitCode();
    declareHandlers();
    if (ir.isStatic()) {
      // invokestatic would have initialized the method's class before running it
      classInit(ir.owner());
    }
    for (int i = 0; i < ir.blocks().size(); i++) {
      Block b = ir.blocks().get(i);
      Block next = i + 1 < ir.blocks().size() ? ir.blocks().get(i + 1) : null;
      emitBlock(b, next);
    }
    for (int i = 0; i < trampolines.size(); i++) {
      trampolines.get(i).run();
    }
    endLabel = new Label();
    mv.visitLabel(endLabel);
    if (nextSlot > Limits.MAX_LOCALS) {
      throw new LoweringError(ir.displayName() + " needs " + nextSlot
          + " local slots, over the class-file limit of " + Limits.MAX_LOCALS);
    }
    mv.visitMaxs(0, 0);
    mv.visitEnd();
    return endLabel;
  }

  // ---------------------------------------------------------------- analysis

  private void countUses() {
    for (Block b : ir.blocks()) {
      for (Insn.Phi p : b.phis()) {
        for (Value v : p.inputs()) {
          uses.merge(v, 1, Integer::sum);
          if (!(v.def() instanceof Insn.Const)) {
            deferred.put(v, Boolean.FALSE); // a phi input must survive to the edge
          }
        }
      }
      for (Insn n : b.insns()) {
        for (Value v : n.operands()) {
          uses.merge(v, 1, Integer::sum);
        }
      }
      for (Value v : b.terminator().operands()) {
        uses.merge(v, 1, Integer::sum);
      }
    }
    for (Block b : ir.blocks()) {
      Map<Value, Boolean> usedHere = new IdentityHashMap<>();
      for (Insn n : b.insns()) {
        for (Value v : n.operands()) {
          usedHere.put(v, Boolean.TRUE);
        }
      }
      for (Value v : b.terminator().operands()) {
        usedHere.put(v, Boolean.TRUE);
      }
      for (Insn n : b.insns()) {
        Value out = n.out();
        if (out == null || deferred.containsKey(out)) {
          continue;
        }
        boolean d = n instanceof Insn.Const
            || pure(n) && uses.getOrDefault(out, 0) == 1 && usedHere.containsKey(out);
        deferred.put(out, d);
      }
      scheduleOnStack(b, usedHere);
    }
  }

  /**
   * Leaves more values on the operand stack: a value used once, later in its block, through a
   * chain of pure folded users ending at an emitted statement X, is itself folded into X's
   * operand tree when nothing else is emitted between it and X (so no effect moves across
   * another), X is on the same line (stack traces keep pointing where they did), and the
   * folded values with effects come out of X's tree in their original order. This rebuilds
   * javac's stack code for {@code s += a[i] * b[i]} and keeps compiled methods small, which
   * matters for HotSpot's inlining limits.
   */
  private void scheduleOnStack(Block b, Map<Value, Boolean> usedHere) {
    List<Insn> insns = b.insns();
    Map<Value, Object> user = new IdentityHashMap<>();
    Map<Object, Integer> position = new IdentityHashMap<>();
    for (int i = 0; i < insns.size(); i++) {
      Insn n = insns.get(i);
      position.put(n, i);
      for (Value v : n.operands()) {
        user.put(v, n);
      }
    }
    Terminator t = b.terminator();
    position.put(t, insns.size());
    for (Value v : t.operands()) {
      user.put(v, t);
    }
    // candidates and the emitted statement each would fold into
    Map<Insn, Object> target = new IdentityHashMap<>();
    for (Insn d : insns) {
      Value out = d.out();
      if (out == null || isDeferred(out) || d instanceof Insn.Param
          || d instanceof Insn.CatchValue || d instanceof Insn.New
          || uses.getOrDefault(out, 0) != 1 || !usedHere.containsKey(out)) {
        continue;
      }
      Object u = user.get(out);
      while (u instanceof Insn ui && ui.out() != null && isDeferred(ui.out())) {
        u = user.get(ui.out());
      }
      if (u == null) {
        continue;
      }
      if (u instanceof Terminator tu) {
        if (tu.site().line() != d.site().line()
            || !(b.handlers().isEmpty() || tu instanceof Terminator.Throw)) {
          continue;
        }
      } else {
        Insn x = (Insn) u;
        if (x.site().line() != d.site().line() || skipped(x)) {
          continue;
        }
      }
      target.put(d, u);
    }
    // drop candidates with another emitted statement between them and their target, to a
    // fixed point (dropping one makes it emitted, which may block others)
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Insn d : new ArrayList<>(target.keySet())) {
        Object x = target.get(d);
        int from = position.get(d);
        int to = position.get(x);
        for (int i = from + 1; i < to; i++) {
          Insn between = insns.get(i);
          boolean folded = between.out() != null && isDeferred(between.out())
              || target.get(between) == x;
          if (!folded && !(between instanceof Insn.Param)) {
            target.remove(d);
            changed = true;
            break;
          }
        }
      }
    }
    for (Insn d : target.keySet()) {
      deferred.put(d.out(), Boolean.TRUE);
    }
    // the folded values with effects must come out of each tree in their original order
    Map<Object, List<Insn>> byTarget = new IdentityHashMap<>();
    for (Map.Entry<Insn, Object> e : target.entrySet()) {
      byTarget.computeIfAbsent(e.getValue(), k -> new ArrayList<>()).add(e.getKey());
    }
    for (Map.Entry<Object, List<Insn>> e : byTarget.entrySet()) {
      List<Value> roots = e.getKey() instanceof Insn xi ? xi.operands()
          : ((Terminator) e.getKey()).operands();
      List<Insn> order = new ArrayList<>();
      for (Value r : roots) {
        emissionOrder(r, order);
      }
      int last = -1;
      boolean ok = true;
      for (Insn n : order) {
        if (target.containsKey(n)) {
          int p = position.get(n);
          if (p < last) {
            ok = false;
          }
          last = p;
        }
      }
      if (!ok) {
        for (Insn d : e.getValue()) {
          deferred.put(d.out(), Boolean.FALSE);
        }
      }
    }
  }

  /** The folded statements of {@code v}'s tree in the order they are emitted. */
  private void emissionOrder(Value v, List<Insn> out) {
    if (!isDeferred(v) || v.def() instanceof Insn.Const) {
      return;
    }
    for (Value o : v.def().operands()) {
      emissionOrder(o, out);
    }
    out.add(v.def());
  }

  /** Whether {@code emitBlock} leaves {@code n} out: dead, and pure. */
  private boolean skipped(Insn n) {
    return n.out() != null && uses.getOrDefault(n.out(), 0) == 0 && pure(n);
  }

  /** Pure and unable to throw: may move to its single use in the same block. */
  private static boolean pure(Insn n) {
    return (n instanceof Insn.Binary || n instanceof Insn.Neg || n instanceof Insn.Convert
        || n instanceof Insn.Compare || n instanceof Insn.InstanceOf) && !n.canThrow();
  }

  private boolean isDeferred(Value v) {
    return deferred.getOrDefault(v, Boolean.FALSE);
  }

  private void allocateParams(Signature sig) {
    for (int i = 0; i < ir.params().size(); i++) {
      Value p = ir.params().get(i);
      slot.put(p, nextSlot);
      nextSlot += DataModels.of(sig.args().get(i)).slots();
    }
  }

  /** Every stored value gets its slot up front: layout order is not dominance order. */
  private void allocateLocals() {
    for (Block b : ir.blocks()) {
      for (Insn.Phi p : b.phis()) {
        slotOf(p.out());
      }
    }
    coalesce();
    for (Block b : ir.blocks()) {
      for (Insn n : b.insns()) {
        Value out = n.out();
        if (out != null && !(n instanceof Insn.Param) && !isDeferred(out)
            && uses.getOrDefault(out, 0) > 0) {
          slotOf(out);
        }
      }
    }
  }

  /**
   * Gives a phi's input the phi's own local where that is safe, so the edge needs no copy (a
   * loop counter's {@code i + 1} is stored straight into {@code i}, as javac's {@code iinc}
   * does). Safe when the input is defined in a block whose only successor is the phi's block,
   * is used by nothing else, and neither the phi nor any other value of its block is read
   * after the input's definition on that path (the phi's old value is dead once the input
   * exists): no later use in the block, not the block's terminator, and not another phi's
   * input on the same edge (a parallel copy such as a swap still reads it).
   */
  private void coalesce() {
    for (Block h : ir.blocks()) {
      for (int e = 0; e < h.preds().size(); e++) {
        Block.Edge edge = h.preds().get(e);
        Block from = edge.from();
        if (edge.exceptional() || !(from.terminator() instanceof Terminator.Goto)) {
          continue;
        }
        java.util.Set<Value> readOnEdge = java.util.Collections.newSetFromMap(
            new IdentityHashMap<>());
        for (Insn.Phi q : h.phis()) {
          readOnEdge.add(q.inputs().get(e));
        }
        for (Insn.Phi p : h.phis()) {
          Value in = p.inputs().get(e);
          Insn def = in.def();
          if (in == p.out() || def instanceof Insn.Phi || def instanceof Insn.Param
              || def instanceof Insn.CatchValue || def instanceof Insn.Const
              || uses.getOrDefault(in, 0) != 1 || slot.containsKey(in)
              || readOnEdge.contains(p.out()) || !from.insns().contains(def)
              || model(in).asmType().getSort() != model(p.out()).asmType().getSort()
              || model(in).slots() != model(p.out()).slots()) {
            continue;
          }
          int at = from.insns().indexOf(def);
          boolean readLater = false;
          // (the definition itself may read the phi: it reads before it writes)
          for (int k = at + 1; k < from.insns().size() && !readLater; k++) {
            readLater = usesTransitively(from.insns().get(k), p.out())
                // a handler may read the phi's old value from where a later statement throws
                || !from.handlers().isEmpty() && from.insns().get(k).canThrow();
          }
          readLater |= from.terminator().operands().contains(p.out());
          if (!readLater) {
            slot.put(in, slot.get(p.out()));
          }
        }
      }
    }
  }

  /** Whether {@code n} reads {@code v}, directly or through values folded into it. */
  private boolean usesTransitively(Insn n, Value v) {
    for (Value o : n.operands()) {
      if (o == v || isDeferred(o) && !(o.def() instanceof Insn.Const)
          && usesTransitively(o.def(), v)) {
        return true;
      }
    }
    return false;
  }

  private int slotOf(Value v) {
    Integer s = slot.get(v);
    if (s == null) {
      s = nextSlot;
      slot.put(v, s);
      nextSlot += model(v).slots();
    }
    return s;
  }

  private DataModel model(Value v) {
    DataModel m = DataModels.of(typeOf(v));
    if (m.parts().size() != 1) {
      throw new LoweringError("struct data models are not lowered in locals yet: " + typeOf(v));
    }
    return m;
  }

  // ---------------------------------------------------------------- handlers

  private boolean blockThrows(Block b) {
    for (Insn n : b.insns()) {
      if (n.canThrow()) {
        return true;
      }
    }
    return b.terminator() instanceof Terminator.Throw;
  }

  private void declareHandlers() {
    for (Block b : ir.blocks()) {
      hasRange.put(b, !b.handlers().isEmpty() && blockThrows(b));
    }
  }

  /**
   * Declares a block's try range once its code is written, and only if it holds code: a block
   * whose throwing statements emit nothing (a JDK class's initialization) has no range.
   */
  private void declareRange(Block b) {
    if (!hasRange.get(b) || body.get(b).getOffset() == rangeEnd.get(b).getOffset()) {
      return;
    }
    for (Block.Handler h : b.handlers()) {
      mv.visitTryCatchBlock(body.get(b), rangeEnd.get(b), handlerEntry(b, h.target()),
          h.catchType());
    }
  }

  /** Where the exception from {@code from} enters {@code handler}. */
  private Label handlerEntry(Block from, Block handler) {
    if (handler.phis().isEmpty()) {
      return start.get(handler);
    }
    String key = from.id() + "->" + handler.id();
    Label l = excTrampolines.get(key);
    if (l == null) {
      Label label = new Label();
      excTrampolines.put(key, label);
      l = label;
      trampolines.add(() -> {
        mv.visitLabel(label);
        storeCaught(handler);
        copies(from, handler, true);
        mv.visitJumpInsn(GOTO, body.get(handler));
      });
    }
    return l;
  }

  private void storeCaught(Block handler) {
    Value caught = handler.insns().get(0).out();
    if (uses.getOrDefault(caught, 0) > 0) {
      mv.visitVarInsn(ASTORE, slotOf(caught));
    } else {
      mv.visitInsn(POP);
    }
  }

  // ---------------------------------------------------------------- blocks

  private void emitBlock(Block b, Block next) {
    current = b;
    mv.visitLabel(start.get(b));
    if (b.isHandler() && b.phis().isEmpty()) {
      storeCaught(b);
    }
    mv.visitLabel(body.get(b));
    for (Insn n : b.insns()) {
      if (n instanceof Insn.Param || n instanceof Insn.CatchValue) {
        continue;
      }
      Value out = n.out();
      if (out != null && isDeferred(out)) {
        continue;
      }
      if (skipped(n)) {
        continue; // dead and harmless (nothing that can throw was folded into it)
      }
      line(n.site());
      emitInsn(n);
      if (out != null) {
        if (uses.getOrDefault(out, 0) > 0) {
          mv.visitVarInsn(model(out).asmType().getOpcode(ISTORE), slotOf(out));
        } else {
          mv.visitInsn(out.kind().size() == 2 ? POP2 : POP);
        }
      }
    }
    Terminator t = b.terminator();
    line(t.site());
    if (!(t instanceof Terminator.Throw)) {
      mv.visitLabel(rangeEnd.get(b));
    }
    emitTerminator(b, t, next);
    declareRange(b);
  }

  private void line(Site s) {
    if (s.line() >= 0 && s.line() != lastLine) {
      Label l = new Label();
      mv.visitLabel(l);
      mv.visitLineNumber(s.line(), l);
      lastLine = s.line();
    }
  }

  private boolean needsCopies(Block from, Block to) {
    int i = edgeIndex(from, to, false);
    for (Insn.Phi p : to.phis()) {
      Value in = p.inputs().get(i);
      if (in != p.out() && !sameLocal(in, p.out())) {
        return true;
      }
    }
    return false;
  }

  /** Whether two values were given one local (a coalesced phi input). */
  private boolean sameLocal(Value a, Value b) {
    Integer sa = slot.get(a);
    return sa != null && !isDeferred(a) && sa.equals(slot.get(b));
  }

  private static int edgeIndex(Block from, Block to, boolean exceptional) {
    for (int i = 0; i < to.preds().size(); i++) {
      Block.Edge e = to.preds().get(i);
      if (e.from() == from && e.exceptional() == exceptional) {
        return i;
      }
    }
    throw new IllegalStateException("no edge " + from + " -> " + to);
  }

  /** The parallel copy into {@code to}'s phis for the edge from {@code from}. */
  private void copies(Block from, Block to, boolean exceptional) {
    int i = edgeIndex(from, to, exceptional);
    List<Insn.Phi> moved = new ArrayList<>();
    for (Insn.Phi p : to.phis()) {
      Value in = p.inputs().get(i);
      if (in == p.out() || sameLocal(in, p.out())) {
        continue;
      }
      loadAs(in, typeOf(p.out()));
      moved.add(p);
    }
    for (int k = moved.size() - 1; k >= 0; k--) {
      Value out = moved.get(k).out();
      mv.visitVarInsn(model(out).asmType().getOpcode(ISTORE), slotOf(out));
    }
  }

  /** A label that reaches {@code to} from {@code from}, through a trampoline if copies are due. */
  private Label edgeLabel(Block from, Block to) {
    if (!needsCopies(from, to)) {
      return start.get(to);
    }
    Label l = new Label();
    trampolines.add(() -> {
      mv.visitLabel(l);
      copies(from, to, false);
      mv.visitJumpInsn(GOTO, start.get(to));
    });
    return l;
  }

  private void jump(Block from, Block to, Block next) {
    copies(from, to, false);
    if (to != next) {
      mv.visitJumpInsn(GOTO, start.get(to));
    }
  }

  private void emitTerminator(Block b, Terminator t, Block next) {
    if (t instanceof Terminator.Goto g) {
      jump(b, g.target(), next);
    } else if (t instanceof Terminator.If i) {
      Resolution r = tm.resolution(t);
      BranchLowering bl = r == null ? null : unit.registry().lookupBranch(r.key(), r.signature());
      if (bl == null) {
        throw noLowering(t.site(), "condition " + i.cond().key(), r);
      }
      Label ifTrue = edgeLabel(b, i.ifTrue());
      bl.emit(this, r.signature(), i.operands(), ifTrue);
      jump(b, i.ifFalse(), next);
    } else if (t instanceof Terminator.Switch s) {
      load(s.key());
      Map<Block, Label> labels = new IdentityHashMap<>();
      for (Block target : s.successors()) {
        labels.put(target, edgeLabel(b, target));
      }
      Label dflt = labels.get(s.fallback());
      List<Integer> keys = s.keys();
      Label[] ls = new Label[keys.size()];
      for (int k = 0; k < ls.length; k++) {
        ls[k] = labels.get(s.targets().get(k));
      }
      if (keys.isEmpty()) {
        mv.visitInsn(POP);
        mv.visitJumpInsn(GOTO, dflt);
      } else {
        long lo = keys.get(0);
        long hi = keys.get(keys.size() - 1);
        if (hi - lo + 1 <= 2L * keys.size() + 8) {
          Label[] table = new Label[(int) (hi - lo + 1)];
          java.util.Arrays.fill(table, dflt);
          for (int k = 0; k < ls.length; k++) {
            table[(int) (keys.get(k) - lo)] = ls[k];
          }
          mv.visitTableSwitchInsn((int) lo, (int) hi, dflt, table);
        } else {
          int[] ks = keys.stream().mapToInt(Integer::intValue).toArray();
          mv.visitLookupSwitchInsn(dflt, ks, ls);
        }
      }
    } else if (t instanceof Terminator.Return r) {
      if (r.value() == null) {
        mv.visitInsn(RETURN);
      } else {
        KType rt = declared(ir.returnType());
        loadAs(r.value(), rt);
        mv.visitInsn(rt.asmType().getOpcode(IRETURN));
      }
    } else if (t instanceof Terminator.Throw x) {
      loadAs(x.exception(), declared(Type.getType(Throwable.class)));
      mv.visitInsn(ATHROW);
      mv.visitLabel(rangeEnd.get(b));
    }
  }

  // ---------------------------------------------------------------- statements

  private LoweringError noLowering(Site site, String what, Resolution r) {
    return new LoweringError("Kiln has no lowering for " + what
        + (r != null ? " with signature " + r.signature() : "") + " at " + ir.where(site)
        + " in " + ir.displayName());
  }

  private void viaRegistry(Insn n, String what) {
    Resolution r = tm.resolution(n);
    Lowering l = r == null ? null : unit.registry().lookup(r.key(), r.signature());
    if (l == null) {
      throw noLowering(n.site(), what, r);
    }
    l.emit(this, r.signature(), n.operands());
  }

  private void emitInsn(Insn n) {
    if (n instanceof Insn.Const c) {
      constantOrClass(c.value());
    } else if (n instanceof Insn.Binary || n instanceof Insn.Neg || n instanceof Insn.Convert
        || n instanceof Insn.Compare) {
      viaRegistry(n, IrPrinter.statement(n));
    } else if (n instanceof Insn.ArrayLength x) {
      if (tm.resolution(n) != null) {
        viaRegistry(n, "array length");
      } else {
        load(x.array());
        mv.visitInsn(ARRAYLENGTH);
      }
    } else if (n instanceof Insn.ArrayLoad x) {
      if (tm.resolution(n) != null) {
        viaRegistry(n, "array load");
      } else {
        load(x.array());
        load(x.index());
        mv.visitInsn(x.opcode());
      }
    } else if (n instanceof Insn.ArrayStore x) {
      if (tm.resolution(n) != null) {
        viaRegistry(n, "array store");
      } else {
        load(x.array());
        load(x.index());
        load(x.value());
        mv.visitInsn(x.opcode());
      }
    } else if (n instanceof Insn.NewArray x) {
      newArray(x);
    } else if (n instanceof Insn.GetStatic x) {
      Type t = Type.getType(x.field().desc());
      if (access.accessible(x.field())) {
        mv.visitFieldInsn(GETSTATIC, x.field().owner(), x.field().name(), x.field().desc());
      } else {
        // initialized here, as getstatic would, not inside the bootstrap, which reads a final
        // field to fold it: a failing initializer would be replayed there as the same error
        java.lang.reflect.Field f = dev.kiln.typing.Members.resolveField(
            access.load(x.field().owner()), x.field().name());
        if (f != null) {
          classInit(Type.getInternalName(f.getDeclaringClass()));
        }
        indy("getStatic", x.field().name(), Type.getMethodDescriptor(t), x.field().owner());
      }
    } else if (n instanceof Insn.PutStatic x) {
      Type t = Type.getType(x.field().desc());
      loadAs(x.value(), declared(t));
      if (access.accessible(x.field())) {
        mv.visitFieldInsn(PUTSTATIC, x.field().owner(), x.field().name(), x.field().desc());
      } else {
        indy("putStatic", x.field().name(), Type.getMethodDescriptor(Type.VOID_TYPE, t),
            x.field().owner());
      }
    } else if (n instanceof Insn.GetField x) {
      loadAs(x.object(), declared(Type.getObjectType(x.field().owner())));
      if (access.accessible(x.field())) {
        mv.visitFieldInsn(GETFIELD, x.field().owner(), x.field().name(), x.field().desc());
      } else {
        indy("getField", x.field().name(), Type.getMethodDescriptor(Type.getType(x.field().desc()),
            Type.getObjectType(x.field().owner())), x.field().owner());
      }
    } else if (n instanceof Insn.PutField x) {
      loadAs(x.object(), declared(Type.getObjectType(x.field().owner())));
      loadAs(x.value(), declared(Type.getType(x.field().desc())));
      if (access.accessible(x.field())) {
        mv.visitFieldInsn(PUTFIELD, x.field().owner(), x.field().name(), x.field().desc());
      } else {
        indy("putField", x.field().name(), Type.getMethodDescriptor(Type.VOID_TYPE,
            Type.getObjectType(x.field().owner()), Type.getType(x.field().desc())),
            x.field().owner());
      }
    } else if (n instanceof Insn.Invoke x) {
      invoke(x);
    } else if (n instanceof Insn.ClassInit x) {
      classInit(x.type());
    } else if (n instanceof Insn.Construct x) {
      construct(x);
    } else if (n instanceof Insn.InvokeDynamic x) {
      Type[] params = Type.getArgumentTypes(x.desc());
      for (int i = 0; i < params.length; i++) {
        loadAs(x.args().get(i), declared(params[i]));
      }
      invokeDynamic(x);
    } else if (n instanceof Insn.CheckCast x) {
      load(x.operand());
      if (!dev.kiln.typing.Types.convertible(typeOf(x.operand()), declared(x.type()))) {
        mv.visitTypeInsn(CHECKCAST, x.type().getInternalName());
      } // else typing proved the cast: an exact class, or null, that always passes
    } else if (n instanceof Insn.InstanceOf x) {
      KType in = typeOf(x.operand());
      if (in == dev.kiln.typing.NullType.NULL || in.isExact() && !(in instanceof Prim)
          && !access.load(x.type().getSort() == Type.ARRAY ? x.type().getDescriptor()
              : x.type().getInternalName()).isAssignableFrom(in.toClass())) {
        mv.visitInsn(ICONST_0); // an exact class outside the tested type: never an instance
      } else {
        load(x.operand());
        mv.visitTypeInsn(INSTANCEOF, x.type().getInternalName());
      }
    } else if (n instanceof Insn.MonitorEnter x) {
      load(x.object());
      mv.visitInsn(MONITORENTER);
    } else if (n instanceof Insn.MonitorExit x) {
      load(x.object());
      mv.visitInsn(MONITOREXIT);
    } else {
      throw new LoweringError("cannot lower " + IrPrinter.statement(n) + " at "
          + ir.where(n.site()) + " in " + ir.displayName());
    }
  }

  private KType declared(Type t) {
    return dev.kiln.typing.Types.of(t, access.loader());
  }

  private void indy(String kind, String name, String desc, String owner) {
    mv.visitInvokeDynamicInsn(name, desc, bootstrap(kind, "Ljava/lang/Class;"),
        hostClassConstant(owner));
  }

  /**
   * A bootstrap of {@link CompileUnit#BOOTSTRAPS}: {@code (Lookup, String, MethodType,
   * staticArgs...)CallSite}, {@code staticArgs} given as descriptors.
   */
  private static Handle bootstrap(String name, String staticArgs) {
    return new Handle(H_INVOKESTATIC, CompileUnit.BOOTSTRAPS, name,
        "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;"
            + staticArgs + ")Ljava/lang/invoke/CallSite;", false);
  }

  /** The descriptor of {@code m} with its receiver as first parameter. */
  private static String receiverFirst(dev.kiln.frontend.MethodRef m) {
    return "(" + Type.getObjectType(m.owner()).getDescriptor() + m.desc().substring(1);
  }

  /**
   * A class constant for an indy's static argument. A class the unit may not name is passed
   * by name and resolved in the bootstrap through the host's trusted lookup.
   */
  private Object hostClassConstant(String owner) {
    Class<?> c = access.load(owner);
    if (access.classAccessible(c)) {
      return Type.getObjectType(owner);
    }
    return new ConstantDynamic("class", "Ljava/lang/Class;", new Handle(H_INVOKESTATIC,
        CompileUnit.BOOTSTRAPS, "classByName", "(Ljava/lang/invoke/MethodHandles$Lookup;"
        + "Ljava/lang/String;Ljava/lang/Class;Ljava/lang/String;)Ljava/lang/Class;", false),
        c.getName());
  }

  /**
   * Re-emits an {@code invokedynamic}. When its bootstrap or a method-handle argument names a
   * member the unit may not reach (a lambda's private {@code lambda$} body), the site is
   * bootstrapped through {@code Bootstraps.hostIndy} instead: the original bootstrap runs with
   * the declaring class's own lookup, so a lambda class becomes that class's nestmate exactly
   * as in the original, and inaccessible handles are resolved through it as dynamic constants.
   */
  private void invokeDynamic(Insn.InvokeDynamic x) {
    Handle bsm = x.bootstrap();
    boolean direct = handleAccessible(bsm);
    for (Object a : x.bootstrapArgs()) {
      if (a instanceof Handle h && !handleAccessible(h)) {
        direct = false;
      }
    }
    if (direct && !bsm.getOwner().equals("java/lang/invoke/LambdaMetafactory")) {
      mv.visitInvokeDynamicInsn(x.name(), x.desc(), bsm, x.bootstrapArgs().toArray());
      return;
    }
    List<Object> args = new ArrayList<>();
    args.add(hostClassConstant(ir.owner()));
    args.add(handleConstant(bsm));
    for (Object a : x.bootstrapArgs()) {
      args.add(a instanceof Handle h ? handleConstant(h) : a);
    }
    mv.visitInvokeDynamicInsn(x.name(), x.desc(),
        bootstrap("hostIndy", "Ljava/lang/Class;Ljava/lang/invoke/MethodHandle;[Ljava/lang/Object;"),
        args.toArray());
  }

  private boolean handleAccessible(Handle h) {
    if (h.getTag() <= H_PUTSTATIC) {
      return access.accessible(new dev.kiln.frontend.FieldRef(h.getOwner(), h.getName(),
          h.getDesc()));
    }
    return access.accessible(new dev.kiln.frontend.MethodRef(h.getOwner(), h.getName(),
        h.getDesc(), h.isInterface()));
  }

  /** {@code h} itself when the unit may name it, else a dynamic constant resolving it. */
  private Object handleConstant(Handle h) {
    if (handleAccessible(h)) {
      return h;
    }
    return new ConstantDynamic("handle", "Ljava/lang/invoke/MethodHandle;", new Handle(
        H_INVOKESTATIC, CompileUnit.BOOTSTRAPS, "handle", "(Ljava/lang/invoke/MethodHandles$Lookup;"
        + "Ljava/lang/String;Ljava/lang/Class;ILjava/lang/Class;Ljava/lang/String;"
        + "Ljava/lang/String;)Ljava/lang/invoke/MethodHandle;", false),
        h.getTag(), hostClassConstant(h.getOwner()), h.getName(), h.getDesc());
  }

  private void newArray(Insn.NewArray x) {
    for (Value d : x.dims()) {
      loadAs(d, Prim.INT);
    }
    Type at = x.arrayType();
    if (x.dims().size() > 1) {
      mv.visitMultiANewArrayInsn(at.getDescriptor(), x.dims().size());
      return;
    }
    Type elem = Type.getType(at.getDescriptor().substring(1));
    switch (elem.getSort()) {
      case Type.BOOLEAN -> mv.visitIntInsn(NEWARRAY, T_BOOLEAN);
      case Type.BYTE -> mv.visitIntInsn(NEWARRAY, T_BYTE);
      case Type.CHAR -> mv.visitIntInsn(NEWARRAY, T_CHAR);
      case Type.SHORT -> mv.visitIntInsn(NEWARRAY, T_SHORT);
      case Type.INT -> mv.visitIntInsn(NEWARRAY, T_INT);
      case Type.LONG -> mv.visitIntInsn(NEWARRAY, T_LONG);
      case Type.FLOAT -> mv.visitIntInsn(NEWARRAY, T_FLOAT);
      case Type.DOUBLE -> mv.visitIntInsn(NEWARRAY, T_DOUBLE);
      default -> mv.visitTypeInsn(ANEWARRAY, elem.getSort() == Type.ARRAY ? elem.getDescriptor()
          : elem.getInternalName());
    }
  }

  private void invoke(Insn.Invoke x) {
    Resolution r = tm.resolution(x);
    if (r == null) {
      throw noLowering(x.site(), "call to " + x.method(), null);
    }
    Lowering custom = r.call() == null ? unit.registry().lookup(r.key(), r.signature()) : null;
    if (custom != null) {
      custom.emit(this, r.signature(), x.args());
      return;
    }
    var m = x.method();
    int op = x.opcode();
    Class<?> exact = null;
    boolean direct = false;
    if (r.call() == null && (op == INVOKEVIRTUAL || op == INVOKEINTERFACE)
        && typeOf(x.args().get(0)) instanceof dev.kiln.typing.InstanceType it && it.exact()
        && !it.cls().isInterface() && it.cls() != access.load(m.owner())) {
      exact = it.cls();
      direct = !exact.isHidden() && access.classAccessible(exact)
          && dev.kiln.typing.Members.resolveMethod(exact, m.name(), m.desc())
              instanceof java.lang.reflect.Method rm
          && java.lang.reflect.Modifier.isPublic(rm.getModifiers());
      if (!direct && !exact.isHidden() && exact.getClassLoader() != access.loader()) {
        exact = null; // a private class of a library (List.of's): leave dispatch to the JVM
      }
    }
    List<KType> params = r.signature().args();
    for (int i = 0; i < x.args().size(); i++) {
      loadAs(x.args().get(i), params.get(i));
      if (i == 0 && r.call() != null && op != INVOKESTATIC) {
        // the linked body is static: keep the NullPointerException of a null receiver
        mv.visitInsn(DUP);
        mv.visitMethodInsn(INVOKESTATIC, "java/util/Objects", "requireNonNull",
            "(Ljava/lang/Object;)Ljava/lang/Object;", false);
        mv.visitInsn(POP);
      }
      if (i == 0 && direct) {
        mv.visitTypeInsn(CHECKCAST, Type.getInternalName(exact));
      }
    }
    if (r.call() != null) {
      mv.visitMethodInsn(INVOKESTATIC, unit.internalName(), r.call().name(),
          r.call().descriptor(), false);
      Type declaredReturn = Type.getReturnType(r.call().descriptor());
      KType precise = r.call().signature().returnType();
      if (declaredReturn.getSort() >= Type.ARRAY && precise != dev.kiln.typing.NullType.NULL
          && !precise.asmType().equals(declaredReturn)) {
        mv.visitTypeInsn(CHECKCAST, precise.asmType().getSort() == Type.ARRAY
            ? precise.asmType().getDescriptor() : precise.asmType().getInternalName());
      }
      return;
    }
    if (direct) {
      // a virtual call on the exact class: one target, whatever the original site's profile
      mv.visitMethodInsn(INVOKEVIRTUAL, Type.getInternalName(exact), m.name(), m.desc(), false);
      return;
    }
    if (exact != null) {
      // a class the unit cannot name (a lambda's hidden class): a constant handle to its method
      mv.visitInvokeDynamicInsn(m.name(), receiverFirst(m), bootstrap("exactVirtual", "I"),
          ClassTokens.of(exact));
      portable = false;
      return;
    }
    if (access.callerSensitive(m)) {
      // made as from the class the original code was in, through a handle of its lookup
      mv.visitInvokeDynamicInsn(m.name(), op == INVOKESTATIC ? m.desc() : receiverFirst(m),
          bootstrap("callerSensitive", "Ljava/lang/Class;Ljava/lang/Class;I"),
          hostClassConstant(ir.owner()), hostClassConstant(m.owner()), op);
      return;
    }
    if (access.accessible(m) && op != INVOKESPECIAL) {
      mv.visitMethodInsn(op, m.owner(), m.name(), m.desc(), m.isInterface());
      return;
    }
    if (op == INVOKESPECIAL) {
      // a super call or a private method: only the original class may make it
      String desc = receiverFirst(m);
      indy("invokeSpecial", m.name(), desc, ir.owner());
      return;
    }
    String kind = switch (op) {
      case INVOKESTATIC -> "invokeStatic";
      case INVOKESPECIAL -> "invokeSpecial";
      default -> "invokeVirtual";
    };
    String desc = op == INVOKESTATIC ? m.desc()
        : receiverFirst(m);
    indy(kind, m.name(), desc, m.owner());
  }

  /**
   * Initializes a user class where the original would have, through a flag and a helper
   * ({@link ClassInits}). JDK classes are left to initialize on first use; their initializers
   * do nothing a program can observe.
   */
  private void classInit(String internalName) {
    if (internalName.equals(Type.getInternalName(unit.host()))) {
      // initialized by whoever runs the unit (CompileUnit#host: the dispatcher, as the
      // original's invokestatic would)
      return;
    }
    Class<?> c = access.load(internalName);
    ClassLoader l = c.getClassLoader();
    if (l == null || l == ClassLoader.getPlatformClassLoader() || c.isArray()) {
      return;
    }
    classInits.emitSite(mv, internalName, access.classAccessible(c));
  }

  private void construct(Insn.Construct x) {
    var ctor = x.ctor();
    Type[] params = Type.getArgumentTypes(ctor.desc());
    if (access.accessible(ctor)) {
      mv.visitTypeInsn(NEW, x.type());
      mv.visitInsn(DUP);
      for (int i = 0; i < params.length; i++) {
        loadAs(x.args().get(i), declared(params[i]));
      }
      mv.visitMethodInsn(INVOKESPECIAL, ctor.owner(), "<init>", ctor.desc(), false);
    } else {
      for (int i = 0; i < params.length; i++) {
        loadAs(x.args().get(i), declared(params[i]));
      }
      indy("construct", "new", Type.getMethodDescriptor(Type.getObjectType(x.type()), params),
          x.type());
    }
  }

  private void constantOrClass(Object v) {
    if (v instanceof Type t) {
      if (access.classAccessible(access.load(t.getSort() == Type.ARRAY ? t.getDescriptor()
          : t.getInternalName()))) {
        mv.visitLdcInsn(t);
      } else {
        mv.visitLdcInsn(hostClassConstant(t.getInternalName()));
      }
    } else {
      constant(v);
    }
  }

  // ---------------------------------------------------------------- Emitter

  @Override
  public MethodVisitor visitor() {
    return mv;
  }

  @Override
  public void load(Value v) {
    if (isDeferred(v)) {
      emitInsn(v.def());
      return;
    }
    Integer s = slot.get(v);
    if (s == null) {
      throw new IllegalStateException("value " + v + " used before it was stored, in "
          + ir.displayName() + " block " + current);
    }
    mv.visitVarInsn(model(v).asmType().getOpcode(ILOAD), s);
  }

  @Override
  public void loadAs(Value v, KType target) {
    load(v);
    KType from = typeOf(v);
    if (from.equals(target)) {
      return;
    }
    CastLowering c = unit.registry().lookupCast(from, target);
    if (c == null) {
      throw new LoweringError("no conversion from " + from + " to " + target + " in "
          + ir.displayName());
    }
    c.emit(this, from, target);
  }

  @Override
  public void constant(Object value) {
    if (!Constants.push(mv, value)) {
      throw new LoweringError("unsupported constant " + value + " in " + ir.displayName());
    }
  }

  @Override
  public KType typeOf(Value v) {
    return tm.typeOf(v);
  }

  @Override
  public int newLocal(KType t) {
    int s = nextSlot;
    nextSlot += DataModels.of(t).slots();
    return s;
  }

  @Override
  public LoweringRegistry registry() {
    return unit.registry();
  }

}
