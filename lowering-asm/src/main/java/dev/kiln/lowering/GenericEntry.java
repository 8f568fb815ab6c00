package dev.kiln.lowering;

import static org.objectweb.asm.Opcodes.AALOAD;
import static org.objectweb.asm.Opcodes.ACC_FINAL;
import static org.objectweb.asm.Opcodes.ACC_PRIVATE;
import static org.objectweb.asm.Opcodes.ACC_PUBLIC;
import static org.objectweb.asm.Opcodes.ACC_STATIC;
import static org.objectweb.asm.Opcodes.ACONST_NULL;
import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.ARETURN;
import static org.objectweb.asm.Opcodes.CHECKCAST;
import static org.objectweb.asm.Opcodes.DUP;
import static org.objectweb.asm.Opcodes.INVOKESPECIAL;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.NEW;
import static org.objectweb.asm.Opcodes.POP;
import static org.objectweb.asm.Opcodes.RETURN;

import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

/**
 * The generic entry of a unit whose superclass provides one ({@link CompileUnit#genericEntry}):
 * a constructor, a static initializer that makes the unit's one instance, and
 * {@code invoke(Object[])Object}, which converts each array element to the entry's parameter
 * (primitives through the superclass's {@code asInt}-style helpers, references by
 * {@code checkcast}), calls the entry and boxes its result.
 */
final class GenericEntry {
  /** The generic entry's descriptor; an entry of the same name and descriptor gets none. */
  static final String DESCRIPTOR = "([Ljava/lang/Object;)Ljava/lang/Object;";

  private GenericEntry() {}

  /**
   * Whether the unit may {@code checkcast} to each reference parameter of its entry (a key may
   * be an exact class the unit cannot name, such as a JDK-private list class; such a unit
   * gets no generic entry and is called through its method handle).
   */
  static boolean canCast(String entryDescriptor, AccessPolicy access) {
    for (Type p : Type.getArgumentTypes(entryDescriptor)) {
      Type e = p.getSort() == Type.ARRAY ? p.getElementType() : p;
      if (e.getSort() == Type.OBJECT && !access.classAccessible(access.load(e.getInternalName()))) {
        return false;
      }
    }
    return true;
  }

  static void emit(ClassWriter cw, String unit, String superName, String entryName,
                   String entryDescriptor) {
    MethodVisitor init = cw.visitMethod(ACC_PRIVATE, "<init>", "()V", null, null);
    init.visitCode();
    init.visitVarInsn(ALOAD, 0);
    init.visitMethodInsn(INVOKESPECIAL, superName, "<init>", "()V", false);
    init.visitInsn(RETURN);
    init.visitMaxs(0, 0);
    init.visitEnd();

    MethodVisitor clinit = cw.visitMethod(ACC_STATIC, "<clinit>", "()V", null, null);
    clinit.visitCode();
    clinit.visitTypeInsn(NEW, unit);
    clinit.visitInsn(DUP);
    clinit.visitMethodInsn(INVOKESPECIAL, unit, "<init>", "()V", false);
    clinit.visitInsn(POP); // the superclass's constructor has handed it over
    clinit.visitInsn(RETURN);
    clinit.visitMaxs(0, 0);
    clinit.visitEnd();

    MethodVisitor mv = cw.visitMethod(ACC_PUBLIC | ACC_FINAL, "invoke", DESCRIPTOR, null,
        new String[] {"java/lang/Throwable"});
    mv.visitCode();
    Type[] params = Type.getArgumentTypes(entryDescriptor);
    for (int i = 0; i < params.length; i++) {
      mv.visitVarInsn(ALOAD, 1);
      Constants.push(mv, i);
      mv.visitInsn(AALOAD);
      Type p = params[i];
      if (p.getSort() < Type.ARRAY) { // a primitive
        String helper = "as" + Character.toUpperCase(p.getClassName().charAt(0))
            + p.getClassName().substring(1);
        mv.visitMethodInsn(INVOKESTATIC, superName, helper,
            "(Ljava/lang/Object;)" + p.getDescriptor(), false);
      } else if (!p.getInternalName().equals("java/lang/Object")) {
        mv.visitTypeInsn(CHECKCAST, p.getInternalName());
      }
    }
    mv.visitMethodInsn(INVOKESTATIC, unit, entryName, entryDescriptor, false);
    Type ret = Type.getReturnType(entryDescriptor);
    if (ret.getSort() == Type.VOID) {
      mv.visitInsn(ACONST_NULL);
    } else if (ret.getSort() < Type.ARRAY) {
      Type box = Type.getObjectType(boxOf(ret));
      mv.visitMethodInsn(INVOKESTATIC, box.getInternalName(), "valueOf",
          Type.getMethodDescriptor(box, ret), false);
    }
    mv.visitInsn(ARETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
  }

  private static String boxOf(Type prim) {
    switch (prim.getSort()) {
      case Type.BOOLEAN: return "java/lang/Boolean";
      case Type.CHAR: return "java/lang/Character";
      case Type.BYTE: return "java/lang/Byte";
      case Type.SHORT: return "java/lang/Short";
      case Type.INT: return "java/lang/Integer";
      case Type.FLOAT: return "java/lang/Float";
      case Type.LONG: return "java/lang/Long";
      case Type.DOUBLE: return "java/lang/Double";
      default: throw new IllegalArgumentException(prim.toString());
    }
  }
}
