package dev.kiln.dispatch;

import dev.kiln.frontend.CompileError;
import dev.kiln.frontend.Frontend;
import dev.kiln.frontend.IrMethod;
import dev.kiln.frontend.MethodRef;
import dev.kiln.lowering.CompileUnit;
import dev.kiln.typing.CallResolver;
import dev.kiln.typing.InstanceType;
import dev.kiln.typing.KType;
import dev.kiln.typing.Members;
import dev.kiln.typing.NullType;
import dev.kiln.typing.Prim;
import dev.kiln.typing.Resolution;
import dev.kiln.typing.Signature;
import dev.kiln.typing.TypedMethod;
import dev.kiln.typing.Typer;
import dev.kiln.typing.Types;
import dev.kiln.typing.TypingContext;
import dev.kiln.typing.UnitCall;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Collects the methods of one compile unit: the root specialization and, transitively, the
 * callees typed calls link into it. A static call is linked into the unit when its target is
 * a {@code @Jit} method or belongs to the root's nest (its private helpers); other calls go to
 * the original method. Recursion terminates because a callee is registered, with its declared
 * result type, before its body is typed.
 */
final class UnitBuilder implements CallResolver {
  private final MethodTarget root;
  private final TypingContext ctx;
  private final ClassLoader loader;
  private final Map<String, UnitCall> calls = new HashMap<>();
  private final Map<String, TypedMethod> typed = new LinkedHashMap<>();
  private final Map<Class<?>, ClassNode> classNodes = new HashMap<>();
  private final java.util.Set<String> excluded;
  private int counter;

  UnitBuilder(MethodTarget root, TypingContext ctx, java.util.Set<String> excluded) {
    this.excluded = excluded;
    this.root = root;
    this.ctx = ctx;
    this.loader = root.owner.getClassLoader();
    classNodes.put(root.owner, root.classNode());
  }

  /** Types the root for {@code args} and everything it links; returns the unit's methods. */
  List<CompileUnit.UnitMethod> build(List<KType> args) {
    IrMethod ir = build(root.classNode(), root.methodNode());
    String name = root.name();
    String key = key(root.owner.getName().replace('.', '/'), root.name(), root.descriptor(), args);
    calls.put(key, new UnitCall(name, new Signature(Types.of(ir.returnType(), loader), args),
        UnitCall.descriptor(args, ir.returnType())));
    TypedMethod tm = Typer.infer(ir, args, ctx, loader, this);
    typed.put(name, tm);
    // keep only what the final types reach (earlier rounds may have linked narrower types)
    List<CompileUnit.UnitMethod> out = new ArrayList<>();
    ArrayDeque<String> work = new ArrayDeque<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    work.add(name);
    seen.add(name);
    while (!work.isEmpty()) {
      String n = work.poll();
      TypedMethod m = typed.get(n);
      out.add(new CompileUnit.UnitMethod(n, m, n.equals(name)));
      // in IR order, not map order: the same input must give the same class bytes
      for (dev.kiln.frontend.Block b : m.ir().blocks()) {
        for (dev.kiln.frontend.Insn insn : b.insns()) {
          Resolution r = m.resolution(insn);
          if (r != null && r.call() != null && seen.add(r.call().name())) {
            work.add(r.call().name());
          }
        }
      }
    }
    return out;
  }

  /** Classes other than the root's whose code was linked into the unit (cache dependencies). */
  java.util.Set<String> linkedClasses(List<CompileUnit.UnitMethod> methods) {
    java.util.Set<String> r = new java.util.TreeSet<>();
    for (CompileUnit.UnitMethod m : methods) {
      String owner = m.method().ir().owner().replace('/', '.');
      if (!owner.equals(root.owner.getName())) {
        r.add(owner);
      }
    }
    return r;
  }

  TypedMethod root() {
    return typed.get(root.name());
  }

  @Override
  public UnitCall resolve(int opcode, MethodRef m, List<KType> actual) {
    if (m.name().equals("<init>") || typed.size() >= Policy.MAX_UNIT_METHODS) {
      return null;
    }
    Class<?> owner;
    try {
      owner = Class.forName(m.owner().replace('/', '.'), false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      return null;
    }
    Method target;
    List<KType> args = new ArrayList<>();
    Type[] declared = Type.getArgumentTypes(m.desc());
    int shift = 0;
    if (opcode == Opcodes.INVOKESTATIC) {
      target = Members.findStatic(owner, m.name(), m.desc());
    } else {
      // an instance call links only where the receiver's class, hence the body, is known
      KType receiver = actual.get(0);
      Class<?> exact;
      if (opcode == Opcodes.INVOKESPECIAL) {
        exact = owner;
      } else if (receiver instanceof InstanceType it && it.exact()) {
        exact = it.cls();
      } else {
        return null;
      }
      target = opcode == Opcodes.INVOKESPECIAL ? Members.selectSpecial(exact, m.name(), m.desc())
          : Members.selectVirtual(exact, m.name(), m.desc());
      if (target == null || Modifier.isStatic(target.getModifiers())) {
        return null;
      }
      args.add(receiver instanceof InstanceType it && it.exact() ? receiver
          : InstanceType.declared(exact));
      shift = 1;
    }
    if (target == null || !linkable(target)) {
      return null;
    }
    for (int i = 0; i < declared.length; i++) {
      KType d = Types.of(declared[i], loader);
      KType a = actual.get(i + shift);
      args.add(d instanceof Prim || a == NullType.NULL || a == null ? d : a);
    }
    String declaring = target.getDeclaringClass().getName().replace('.', '/');
    String key = key(declaring, m.name(), m.desc(), args);
    if (excluded.contains(key)) {
      return null;
    }
    UnitCall known = calls.get(key);
    if (known != null) {
      return known;
    }
    ClassNode cn;
    try {
      cn = classNodes.computeIfAbsent(target.getDeclaringClass(),
          c -> Frontend.parse(ClassBytes.of(c)));
    } catch (CompileError e) {
      return null; // no bytecode to read (a generated or hidden class): call it as it is
    }
    MethodNode mn = Frontend.method(cn, m.name(), m.desc());
    if (mn == null) {
      return null;
    }
    String name = m.name() + "$" + (++counter);
    Type ret = Type.getReturnType(m.desc());
    UnitCall placeholder = new UnitCall(name, new Signature(Types.of(ret, loader), args),
        UnitCall.descriptor(args, ret));
    calls.put(key, placeholder);
    try {
      IrMethod ir = build(cn, mn);
      TypedMethod tm = Typer.infer(ir, args, ctx, loader, this);
      typed.put(name, tm);
      UnitCall done = new UnitCall(name, tm.signature(), placeholder.descriptor());
      calls.put(key, done);
      return done;
    } catch (CompileError e) {
      if (JitAnnotation.present(target)) {
        throw e; // the user asked for this one compiled
      }
      throw new Unlinkable(key, e);
    }
  }

  /** A callee Kiln chose to link failed to compile: build again, calling it uncompiled. */
  static final class Unlinkable extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String key;

    Unlinkable(String key, CompileError cause) {
      super(cause.getMessage(), cause, false, false);
      this.key = key;
    }
  }

  /**
   * Whether calls may link {@code target}'s body into the unit: user code (not the JDK's), not
   * native. Linked callees from other classes are compiled only as part of this unit.
   */
  private boolean linkable(Method target) {
    Class<?> c = target.getDeclaringClass();
    ClassLoader l = c.getClassLoader();
    if (l == null || l == ClassLoader.getPlatformClassLoader() || c.isHidden()
        || Modifier.isNative(target.getModifiers()) || Modifier.isAbstract(target.getModifiers())) {
      return false;
    }
    return l == loader || JitAnnotation.present(target)
        || c.getNestHost() == root.owner.getNestHost();
  }

  /** The IR of a method, checked by the IR verifier when {@code kiln.verify} is on. */
  private static IrMethod build(ClassNode cn, MethodNode mn) {
    IrMethod ir = Frontend.build(cn, mn);
    if (KilnConfig.verify()) {
      dev.kiln.frontend.IrVerifier.verify(ir);
    }
    return ir;
  }

  private static String key(String owner, String name, String desc, List<KType> args) {
    return owner + "." + name + desc + args;
  }
}
