package dev.kiln.frontend;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Type;

/**
 * A statement of the IR. Each defines at most one SSA value ({@link #out()}, {@code null} when
 * it defines none) from its {@link #operands()}, and carries the {@link Site} it came from.
 * Statements are immutable records; the one exception is a {@link Phi}'s input list, filled
 * while SSA is built and frozen afterwards.
 */
public sealed interface Insn {
  Value out();

  List<Value> operands();

  Site site();

  /** The same statement over other operands (in {@link #operands()} order). */
  Insn mapOperands(UnaryOperator<Value> f);

  /** Whether running it can throw (and so it has exception edges in a try range). */
  default boolean canThrow() {
    return false;
  }

  /** Whether it has an effect beyond defining its value (a store, a call, a throw). */
  default boolean hasSideEffect() {
    return false;
  }

  private static List<Value> map(List<Value> vs, UnaryOperator<Value> f) {
    List<Value> r = new ArrayList<>(vs.size());
    for (Value v : vs) {
      r.add(f.apply(v));
    }
    return List.copyOf(r);
  }

  /** Parameter {@code index} (receiver first for instance methods) as passed in. */
  record Param(Value out, int index, Site site) implements Insn {
    public List<Value> operands() {
      return List.of();
    }

    public Insn mapOperands(UnaryOperator<Value> f) {
      return this;
    }
  }

  /**
   * A constant: {@link Integer}, {@link Long}, {@link Float}, {@link Double}, {@link String},
   * an ASM {@link Type} (a class literal), or {@code null}.
   */
  record Const(Value out, Object value, Site site) implements Insn {
    public List<Value> operands() {
      return List.of();
    }

    public Insn mapOperands(UnaryOperator<Value> f) {
      return this;
    }
  }

  /** Joins values flowing in from the block's predecessors, input i from predecessor i. */
  record Phi(Value out, List<Value> inputs, Site site) implements Insn {
    public List<Value> operands() {
      return inputs;
    }

    public Insn mapOperands(UnaryOperator<Value> f) {
      return new Phi(out, map(inputs, f), site);
    }
  }

  /** The exception caught on entry to a handler block. */
  record CatchValue(Value out, Site site) implements Insn {
    public List<Value> operands() {
      return List.of();
    }

    public Insn mapOperands(UnaryOperator<Value> f) {
      return this;
    }
  }

  record Binary(Value out, BinOp op, Value left, Value right, Site site) implements Insn {
    public List<Value> operands() {
      return List.of(left, right);
    }

    public Insn mapOperands(UnaryOperator<Value> f) {
      return new Binary(out, op, f.apply(left), f.apply(right), site);
    }

    @Override
    public boolean canThrow() {
      return (op == BinOp.DIV || op == BinOp.REM)
          && (out.kind() == Kind.INT || out.kind() == Kind.LONG);
    }
  }

  record Neg(Value out, Value operand, Site site) implements Insn {
    public List<Value> operands() {
      return List.of(operand);
    }

    public Insn mapOperands(UnaryOperator<Value> f) {
      return new Neg(out, f.apply(operand), site);
    }
  }

  record Convert(Value out, Conv conv, Value operand, Site site) implements Insn {
    public List<Value> operands() {
      return List.of(operand);
    }

    public Insn mapOperands(UnaryOperator<Value> f) {
      return new Convert(out, conv, f.apply(operand), site);
    }
  }

  record Compare(Value out, CmpOp op, Value left, Value right, Site site) implements Insn {
    public List<Value> operands() {
      return List.of(left, right);
    }

    public Insn mapOperands(UnaryOperator<Value> f) {
      return new Compare(out, op, f.apply(left), f.apply(right), site);
    }
  }

  record ArrayLength(Value out, Value array, Site site) implements Insn {
    public List<Value> operands() {
      return List.of(array);
    }

    public Insn mapOperands(UnaryOperator<Value> f) {
      return new ArrayLength(out, f.apply(array), site);
    }

    @Override
    public boolean canThrow() {
      return true;
    }
  }

  /** {@code array[index]}; {@code opcode} is the original {@code xALOAD}. */
  record ArrayLoad(Value out, Value array, Value index, int opcode, Site site) implements Insn {
    public List<Value> operands() {
      return List.of(array, index);
    }

    public Insn mapOperands(UnaryOperator<Value> f) {
      return new ArrayLoad(out, f.apply(array), f.apply(index), opcode, site);
    }

    @Override
    public boolean canThrow() {
      return true;
    }
  }

  /** {@code array[index] = value}; {@code opcode} is the original {@code xASTORE}. */
  record ArrayStore(Value array, Value index, Value value, int opcode, Site site) implements Insn {
    public Value out() {
      return null;
    }

    public List<Value> operands() {
      return List.of(array, index, value);
    }

    public Insn mapOperands(UnaryOperator<Value> f) {
      return new ArrayStore(f.apply(array), f.apply(index), f.apply(value), opcode, site);
    }

    @Override
    public boolean canThrow() {
      return true;
    }

    @Override
    public boolean hasSideEffect() {
      return true;
    }
  }

  /**
   * A new array of {@code arrayType} with one length per dimension given ({@code newarray},
   * {@code anewarray}, {@code multianewarray}).
   */
  record NewArray(Value out, Type arrayType, List<Value> dims, Site site) implements Insn {
    public List<Value> operands() {
      return dims;
    }

    public Insn mapOperands(UnaryOperator<Value> f) {
      return new NewArray(out, arrayType, map(dims, f), site);
    }

    @Override
    public boolean canThrow() {
      return true;
    }

    @Override
    public boolean hasSideEffect() {
      return true; // allocation order and OutOfMemoryError stay where they were
    }
  }

  record GetStatic(Value out, FieldRef field, Site site) implements Insn {
    public List<Value> operands() {
      return List.of();
    }

    public Insn mapOperands(UnaryOperator<Value> f) {
      return this;
    }

    @Override
    public boolean canThrow() {
      return true; // class initialization
    }

    @Override
    public boolean hasSideEffect() {
      return true; // reads memory others may write; keep its place
    }
  }

  record PutStatic(FieldRef field, Value value, Site site) implements Insn {
    public Value out() {
      return null;
    }

    public List<Value> operands() {
      return List.of(value);
    }

    public Insn mapOperands(UnaryOperator<Value> f) {
      return new PutStatic(field, f.apply(value), site);
    }

    @Override
    public boolean canThrow() {
      return true;
    }

    @Override
    public boolean hasSideEffect() {
      return true;
    }
  }

  record GetField(Value out, FieldRef field, Value object, Site site) implements Insn {
    public List<Value> operands() {
      return List.of(object);
    }

    public Insn mapOperands(UnaryOperator<Value> f) {
      return new GetField(out, field, f.apply(object), site);
    }

    @Override
    public boolean canThrow() {
      return true;
    }

    @Override
    public boolean hasSideEffect() {
      return true;
    }
  }

  record PutField(FieldRef field, Value object, Value value, Site site) implements Insn {
    public Value out() {
      return null;
    }

    public List<Value> operands() {
      return List.of(object, value);
    }

    public Insn mapOperands(UnaryOperator<Value> f) {
      return new PutField(field, f.apply(object), f.apply(value), site);
    }

    @Override
    public boolean canThrow() {
      return true;
    }

    @Override
    public boolean hasSideEffect() {
      return true;
    }
  }

  /**
   * A call: {@code opcode} is {@code INVOKESTATIC}, {@code INVOKEVIRTUAL},
   * {@code INVOKESPECIAL} or {@code INVOKEINTERFACE}; {@code args} start with the receiver for
   * all but static calls. {@code out} is {@code null} for void methods.
   */
  record Invoke(Value out, int opcode, MethodRef method, List<Value> args, Site site)
      implements Insn {
    public List<Value> operands() {
      return args;
    }

    public Insn mapOperands(UnaryOperator<Value> f) {
      return new Invoke(out, opcode, method, map(args, f), site);
    }

    @Override
    public boolean canThrow() {
      return true;
    }

    @Override
    public boolean hasSideEffect() {
      return true;
    }
  }

  /**
   * {@code new T} before its constructor has run. It never reaches lowering: the frontend
   * replaces every use with the {@link Construct} that initializes it.
   */
  record New(Value out, String type, Site site) implements Insn {
    public List<Value> operands() {
      return List.of();
    }

    public Insn mapOperands(UnaryOperator<Value> f) {
      return this;
    }
  }

  /**
   * Initializes class {@code type} if it is not yet (JVMS 5.5), where the original did so: at a
   * {@code new}, or on entry to a static method compiled into another class.
   */
  record ClassInit(String type, Site site) implements Insn {
    public Value out() {
      return null;
    }

    public List<Value> operands() {
      return List.of();
    }

    public Insn mapOperands(UnaryOperator<Value> f) {
      return this;
    }

    @Override
    public boolean canThrow() {
      return true; // ExceptionInInitializerError
    }

    @Override
    public boolean hasSideEffect() {
      return true;
    }
  }

  /** {@code new T(args)}: a {@code new} and its {@code <init>} call, as one statement. */
  record Construct(Value out, String type, MethodRef ctor, List<Value> args, Site site)
      implements Insn {
    public List<Value> operands() {
      return args;
    }

    public Insn mapOperands(UnaryOperator<Value> f) {
      return new Construct(out, type, ctor, map(args, f), site);
    }

    @Override
    public boolean canThrow() {
      return true;
    }

    @Override
    public boolean hasSideEffect() {
      return true;
    }
  }

  /** {@code invokedynamic} as written in the original (string concatenation, lambdas). */
  record InvokeDynamic(Value out, String name, String desc, Handle bootstrap,
                       List<Object> bootstrapArgs, List<Value> args, Site site) implements Insn {
    public List<Value> operands() {
      return args;
    }

    public Insn mapOperands(UnaryOperator<Value> f) {
      return new InvokeDynamic(out, name, desc, bootstrap, bootstrapArgs, map(args, f), site);
    }

    @Override
    public boolean canThrow() {
      return true;
    }

    @Override
    public boolean hasSideEffect() {
      return true;
    }
  }

  record CheckCast(Value out, Type type, Value operand, Site site) implements Insn {
    public List<Value> operands() {
      return List.of(operand);
    }

    public Insn mapOperands(UnaryOperator<Value> f) {
      return new CheckCast(out, type, f.apply(operand), site);
    }

    @Override
    public boolean canThrow() {
      return true;
    }
  }

  record InstanceOf(Value out, Type type, Value operand, Site site) implements Insn {
    public List<Value> operands() {
      return List.of(operand);
    }

    public Insn mapOperands(UnaryOperator<Value> f) {
      return new InstanceOf(out, type, f.apply(operand), site);
    }
  }

  record MonitorEnter(Value object, Site site) implements Insn {
    public Value out() {
      return null;
    }

    public List<Value> operands() {
      return List.of(object);
    }

    public Insn mapOperands(UnaryOperator<Value> f) {
      return new MonitorEnter(f.apply(object), site);
    }

    @Override
    public boolean canThrow() {
      return true;
    }

    @Override
    public boolean hasSideEffect() {
      return true;
    }
  }

  record MonitorExit(Value object, Site site) implements Insn {
    public Value out() {
      return null;
    }

    public List<Value> operands() {
      return List.of(object);
    }

    public Insn mapOperands(UnaryOperator<Value> f) {
      return new MonitorExit(f.apply(object), site);
    }

    @Override
    public boolean canThrow() {
      return true;
    }

    @Override
    public boolean hasSideEffect() {
      return true;
    }
  }
}
