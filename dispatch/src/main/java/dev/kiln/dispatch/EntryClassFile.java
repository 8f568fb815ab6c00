package dev.kiln.dispatch;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Method;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The class file of a typed entry ({@link EntryFactory}), written byte by byte:
 *
 * <pre>
 * public final synthetic class NAME implements IFACE {
 *   public NAME() { super(); }
 *   public final R sam(A...) { return invokedynamic sam(A...)R [Bootstraps.dispatcher]; }
 * }
 * </pre>
 *
 * <p>Why not ASM, which writes every other class Kiln makes: this one shape is the only class a
 * warm start makes (for {@code Dispatcher.as}), and loading ASM's writer costs a cold JVM about
 * 9 ms, several times what the class does. The shape has no branches, so no stack map frames;
 * the tests check each class with ASM's {@code CheckClassAdapter} and against ASM's own
 * rendering of the same class.
 */
final class EntryClassFile {
  private static final int V17 = 61;
  private static final String BOOTSTRAPS = dev.kiln.lowering.CompileUnit.BOOTSTRAPS;
  private static final String BOOTSTRAP_DESCRIPTOR = "(Ljava/lang/invoke/MethodHandles$Lookup;"
      + "Ljava/lang/String;Ljava/lang/invoke/MethodType;)Ljava/lang/invoke/CallSite;";
  /** Modified UTF-8 is UTF-8 for the names a class file can hold here, save NUL and
   * supplementary characters, which {@link #utf8} writes by hand. */
  private static final Charset UTF_8 = Charset.forName("UTF-8");

  private final List<byte[]> pool = new ArrayList<>();
  private final Map<String, Integer> indices = new HashMap<>();

  private EntryClassFile() {}

  /** The class {@code internalName} implementing {@code iface} through {@code sam}. */
  static byte[] write(String internalName, Class<?> iface, Method sam) {
    return new EntryClassFile().bytes(internalName, iface, sam);
  }

  private byte[] bytes(String internalName, Class<?> iface, Method sam) {
    int thisClass = classRef(internalName);
    int superClass = classRef("java/lang/Object");
    int ifaceClass = classRef(iface.getName().replace('.', '/'));
    int objectInit = ref(10, superClass, nameAndType("<init>", "()V"));
    String descriptor = MethodTarget.descriptorOf(sam);
    int code = utf8("Code");
    int bootstrap = handle(ref(10, classRef(BOOTSTRAPS),
        nameAndType("dispatcher", BOOTSTRAP_DESCRIPTOR)));
    int indy = entry("indy:" + sam.getName() + descriptor, 18, 0,
        nameAndType(sam.getName(), descriptor));
    int initName = utf8("<init>");
    int initDescriptor = utf8("()V");
    int samName = utf8(sam.getName());
    int samDescriptor = utf8(descriptor);
    int bootstrapsAttribute = utf8("BootstrapMethods");

    Out out = new Out();
    out.u4(0xCAFEBABE);
    out.u2(0);
    out.u2(V17);
    out.u2(pool.size() + 1);
    for (byte[] e : pool) {
      out.write(e, 0, e.length);
    }
    out.u2(0x0001 | 0x0010 | 0x0020 | 0x1000); // public final super synthetic
    out.u2(thisClass);
    out.u2(superClass);
    out.u2(1);
    out.u2(ifaceClass);
    out.u2(0); // fields
    out.u2(2); // methods

    // public <init>()V: aload_0; invokespecial Object.<init>; return
    out.u2(0x0001);
    out.u2(initName);
    out.u2(initDescriptor);
    out.u2(1);
    code(out, code, 1, 1, new byte[] {0x2A, (byte) 0xB7, hi(objectInit), lo(objectInit),
        (byte) 0xB1});

    // public final sam(args): load each, invokedynamic, return
    Out body = new Out();
    int slot = 1;
    for (Class<?> p : sam.getParameterTypes()) {
      int load = p == long.class ? 0x16 : p == float.class ? 0x17 : p == double.class ? 0x18
          : p.isPrimitive() ? 0x15 : 0x19; // lload fload dload iload aload
      if (slot <= 255) {
        body.u1(load);
        body.u1(slot);
      } else {
        body.u1(0xC4); // wide
        body.u1(load);
        body.u2(slot);
      }
      slot += p == long.class || p == double.class ? 2 : 1;
    }
    body.u1(0xBA); // invokedynamic
    body.u2(indy);
    body.u2(0);
    Class<?> r = sam.getReturnType();
    body.u1(r == void.class ? 0xB1 : r == long.class ? 0xAD : r == float.class ? 0xAE
        : r == double.class ? 0xAF : r.isPrimitive() ? 0xAC : 0xB0);
    int returnSize = r == void.class ? 0 : r == long.class || r == double.class ? 2 : 1;
    out.u2(0x0001 | 0x0010);
    out.u2(samName);
    out.u2(samDescriptor);
    out.u2(1);
    code(out, code, Math.max(slot - 1, returnSize), slot, body.toByteArray());

    out.u2(1); // class attributes: BootstrapMethods, one method, no static arguments
    out.u2(bootstrapsAttribute);
    out.u4(6);
    out.u2(1);
    out.u2(bootstrap);
    out.u2(0);
    return out.toByteArray();
  }

  private static void code(Out out, int codeName, int maxStack, int maxLocals, byte[] code) {
    out.u2(codeName);
    out.u4(12 + code.length);
    out.u2(maxStack);
    out.u2(maxLocals);
    out.u4(code.length);
    out.write(code, 0, code.length);
    out.u2(0); // exception table
    out.u2(0); // attributes
  }

  // ---------------------------------------------------------------- constant pool

  private int utf8(String s) {
    return entry("utf8:" + s, 1, -1, -1, modifiedUtf8(s));
  }

  private int classRef(String internalName) {
    return entry("class:" + internalName, 7, utf8(internalName), -1);
  }

  private int nameAndType(String name, String descriptor) {
    return entry("nat:" + name + ":" + descriptor, 12, utf8(name), utf8(descriptor));
  }

  /** A field, method or interface method reference ({@code tag} 9, 10 or 11). */
  private int ref(int tag, int owner, int nameAndType) {
    return entry("ref:" + tag + ":" + owner + ":" + nameAndType, tag, owner, nameAndType);
  }

  /** A {@code REF_invokeStatic} method handle of a method reference. */
  private int handle(int methodRef) {
    String key = "handle:" + methodRef;
    Integer known = indices.get(key);
    if (known != null) {
      return known;
    }
    pool.add(new byte[] {15, 6, hi(methodRef), lo(methodRef)});
    indices.put(key, pool.size());
    return pool.size();
  }

  private int entry(String key, int tag, int a, int b) {
    return entry(key, tag, a, b, null);
  }

  /** An entry of one or two u2 indices ({@code b} -1: one), or a UTF-8 one ({@code utf}). */
  private int entry(String key, int tag, int a, int b, byte[] utf) {
    Integer known = indices.get(key);
    if (known != null) {
      return known;
    }
    Out e = new Out();
    e.u1(tag);
    if (utf != null) {
      e.u2(utf.length);
      e.write(utf, 0, utf.length);
    } else {
      e.u2(a);
      if (b >= 0) {
        e.u2(b);
      }
    }
    pool.add(e.toByteArray());
    indices.put(key, pool.size());
    return pool.size();
  }

  /** JVMS 4.4.7: as UTF-8, but NUL in two bytes and supplementary characters as surrogates. */
  private static byte[] modifiedUtf8(String s) {
    boolean plain = true;
    for (int i = 0; i < s.length() && plain; i++) {
      plain = s.charAt(i) != 0 && !Character.isSurrogate(s.charAt(i));
    }
    if (plain) {
      return s.getBytes(UTF_8);
    }
    Out out = new Out();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != 0 && c < 0x80) {
        out.u1(c);
      } else if (c < 0x800) {
        out.u1(0xC0 | c >> 6);
        out.u1(0x80 | c & 0x3F);
      } else {
        out.u1(0xE0 | c >> 12);
        out.u1(0x80 | c >> 6 & 0x3F);
        out.u1(0x80 | c & 0x3F);
      }
    }
    return out.toByteArray();
  }

  private static byte hi(int v) {
    return (byte) (v >> 8);
  }

  private static byte lo(int v) {
    return (byte) v;
  }

  /** Big-endian output. */
  private static final class Out extends ByteArrayOutputStream {
    void u1(int v) {
      write(v);
    }

    void u2(int v) {
      write(v >> 8);
      write(v);
    }

    void u4(int v) {
      u2(v >>> 16);
      u2(v);
    }
  }
}
