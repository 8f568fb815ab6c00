package dev.kiln.cache;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Keys, stamps and entries for the tests (also used by the child JVMs of MultiJvmTest). */
final class Fixtures {
  private Fixtures() {}

  static final String OWNER = "com.acme.Kernels";
  static final String DEP = "com.acme.Helpers";
  static final String DEP2 = "com.acme.util.Maths";

  static SourceStamp stamp(String className, String content, long modified, long size) {
    return new SourceStamp(className, ContentHash.hex(content.getBytes(UTF_8)), modified,
        size);
  }

  static SourceStamp ownerStamp() {
    return stamp(OWNER, "owner v1", 1_700_000_000_000L, 1234);
  }

  static SourceStamp depStamp() {
    return stamp(DEP, "helpers v1", 1_700_000_001_000L, 456);
  }

  static SourceStamp dep2Stamp() {
    return stamp(DEP2, "maths v1", -1, -1);
  }

  static CacheKey key(String method, String signature) {
    return new CacheKey(OWNER, method, "([D[D)D", signature, "fastmath=false", "0.1.0-test", 17,
        "file:/work/classes/");
  }

  static CacheKey key() {
    return key("dot", "double(double[], double[])");
  }

  /** Deterministic pseudo-random bytes. */
  static byte[] bytes(long seed, int n) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  /** An entry with two classes of the given size, two dependencies and some metadata. */
  static Entry entry(CacheKey key, long seed, int classSize) {
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("typedIr", "block0:\n  v0 = load a\n  return v0   // seed " + seed);
    meta.put("entry", key.method() + "$kiln " + key.descriptor());
    meta.put("writer", Long.toString(seed));
    List<Entry.ClassFile> classes = new ArrayList<>();
    classes.add(new Entry.ClassFile("com/acme/Kernels$$Kiln$" + key.method(),
        bytes(seed, classSize)));
    classes.add(new Entry.ClassFile("com/acme/Kernels$$Kiln$" + key.method() + "$1",
        bytes(seed + 1_000_003, classSize / 3 + 1)));
    return new Entry(key, ownerStamp(), List.of(depStamp(), dep2Stamp()), classes, meta);
  }

  static Entry entry() {
    return entry(key(), 42, 300);
  }

  /** A StampCheck under which every fixture stamp is current. */
  static StampCheck current() {
    Map<String, SourceStamp> now = Map.of(OWNER, ownerStamp(), DEP, depStamp(), DEP2, dep2Stamp());
    return now::get;
  }
}
