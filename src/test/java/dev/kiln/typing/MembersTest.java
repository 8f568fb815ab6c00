package dev.kiln.typing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

/** {@link Members} answers as the JVM resolves and selects. */
class MembersTest {
  interface A {
    int K = 7;

    default int m() {
      return 1;
    }
  }

  interface B extends A {
    @Override
    default int m() {
      return 2;
    }
  }

  interface E {
    default int m() {
      return 3;
    }
  }

  static class Base {
    static int s() {
      return 4;
    }

    private int p() {
      return 5;
    }

    int v() {
      return 6;
    }
  }

  static class Derived extends Base implements A, B {
    @Override
    int v() {
      return 7;
    }
  }

  abstract static class Half implements A, E {
    @Override
    public abstract int m();
  }

  static final class Both extends Base implements A, E {
    @Override
    public int m() {
      return A.super.m() + E.super.m();
    }
  }

  @Test
  void selectionFollowsTheJvm() throws Exception {
    Method bm = B.class.getDeclaredMethod("m");
    assertEquals(bm, Members.selectVirtual(Derived.class, "m", "()I"),
        "the most specific default");
    assertEquals(Derived.class.getDeclaredMethod("v"),
        Members.selectVirtual(Derived.class, "v", "()I"));
    assertEquals(Base.class.getDeclaredMethod("v"), Members.selectVirtual(Base.class, "v", "()I"));
    assertNull(Members.selectVirtual(Derived.class, "p", "()I"), "private: not selected");
    assertNull(Members.selectVirtual(Half.class, "m", "()I"), "abstract");
    assertEquals(Both.class.getDeclaredMethod("m"), Members.selectVirtual(Both.class, "m", "()I"));
    assertEquals(Base.class.getDeclaredMethod("p"),
        Members.selectSpecial(Derived.class, "p", "()I"));
    assertEquals(Base.class.getDeclaredMethod("s"), Members.findStatic(Derived.class, "s", "()I"));
    assertNull(Members.findStatic(Derived.class, "v", "()I"));
  }

  /**
   * A class inheriting two unrelated defaults and overriding neither: javac refuses to write one,
   * the JVM loads it (and fails only a call), so it is written here with ASM.
   */
  @Test
  void unrelatedDefaultsAreNotOneMethod() throws Exception {
    org.objectweb.asm.ClassWriter cw = new org.objectweb.asm.ClassWriter(0);
    String name = "dev/kiln/typing/MembersTest$Clash";
    cw.visit(org.objectweb.asm.Opcodes.V17, org.objectweb.asm.Opcodes.ACC_SUPER, name, null,
        "java/lang/Object", new String[] {"dev/kiln/typing/MembersTest$A",
            "dev/kiln/typing/MembersTest$E"});
    cw.visitEnd();
    Class<?> clash = java.lang.invoke.MethodHandles.lookup().defineClass(cw.toByteArray());
    assertNull(Members.selectVirtual(clash, "m", "()I"));
    assertEquals(A.class.getDeclaredMethod("m"), Members.resolveMethod(clash, "m", "()I"),
        "resolution still names one (the first superinterface's)");
  }

  static class WithM {
    public int m() {
      return 8;
    }
  }

  /** A superclass's m and a superinterface's default m: the class's wins (JVMS 5.4.3.3). */
  static final class ClassWins extends WithM implements A {
  }

  @Test
  void aSuperclassMethodIsResolvedBeforeASuperinterfaceDefault() throws Exception {
    assertEquals(WithM.class.getDeclaredMethod("m"),
        Members.resolveMethod(ClassWins.class, "m", "()I"));
    assertEquals(8, new ClassWins().m(), "as the JVM runs it");
  }

  @Test
  void resolutionFollowsTheJvm() throws Exception {
    assertEquals(A.class.getDeclaredField("K"), Members.resolveField(Derived.class, "K"));
    assertNull(Members.resolveField(Derived.class, "nope"));
    assertEquals(A.class.getDeclaredMethod("m"), Members.resolveMethod(A.class, "m", "()I"));
    assertEquals(Base.class.getDeclaredConstructor(),
        Members.resolveMethod(Base.class, "<init>", "()V"));
  }
}
