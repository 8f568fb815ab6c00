package dev.kiln.cache;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * One cached specialization: its key, the stamps of the classes its code came from, and the
 * generated classes with a little metadata.
 *
 * <p>The entry is normalized on construction, so that equal entries are written as equal bytes:
 * {@code dependencies} are sorted by class name (identical duplicates, and the owner itself, are
 * dropped; two different stamps for one class are an error), {@code metadata} is sorted by key.
 * The order of {@code classes} is kept (it may be the order to define them in).
 *
 * @param key what the entry is for; {@code key.ownerClass()} must be {@code owner.className()}
 * @param owner the stamp of the class declaring the method, when the code was generated
 * @param dependencies the stamps of every other class whose code was linked into the generated
 *     code, so that a change to any of them makes the entry stale
 * @param classes the generated classes, by internal name ({@code com/acme/Kernels$$Kiln$1})
 * @param metadata small strings the caller needs again on a hit, e.g. the entry method's name
 *     and descriptor, or the typed IR's text
 */
public record Entry(CacheKey key, SourceStamp owner, List<SourceStamp> dependencies,
    List<ClassFile> classes, Map<String, String> metadata) {

  public Entry {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(dependencies, "dependencies");
    Objects.requireNonNull(classes, "classes");
    Objects.requireNonNull(metadata, "metadata");
    if (!key.ownerClass().equals(owner.className())) {
      throw new IllegalArgumentException("the key's owner " + key.ownerClass()
          + " is not the owner stamp's class " + owner.className());
    }
    TreeMap<String, SourceStamp> deps = new TreeMap<>();
    for (SourceStamp d : dependencies) {
      Objects.requireNonNull(d, "dependency");
      if (d.className().equals(owner.className())) {
        if (!d.equals(owner)) {
          throw new IllegalArgumentException("two stamps for the owner: " + owner + ", " + d);
        }
        continue;
      }
      SourceStamp before = deps.putIfAbsent(d.className(), d);
      if (before != null && !before.equals(d)) {
        throw new IllegalArgumentException("two stamps for one class: " + before + ", " + d);
      }
    }
    dependencies = List.copyOf(deps.values());
    Set<String> names = new HashSet<>();
    for (ClassFile c : classes) {
      Objects.requireNonNull(c, "class file");
      if (!names.add(c.internalName())) {
        throw new IllegalArgumentException("two classes named " + c.internalName());
      }
    }
    classes = List.copyOf(classes);
    TreeMap<String, String> meta = new TreeMap<>();
    for (Map.Entry<String, String> e : metadata.entrySet()) {
      meta.put(Objects.requireNonNull(e.getKey(), "metadata key"),
          Objects.requireNonNull(e.getValue(), "metadata value"));
    }
    metadata = Collections.unmodifiableMap(meta);
  }

  /** An entry with no dependencies outside the owner class. */
  public Entry(CacheKey key, SourceStamp owner, List<ClassFile> classes,
      Map<String, String> metadata) {
    this(key, owner, List.of(), classes, metadata);
  }

  /** The bytes of the generated class named {@code internalName}, or {@code null}. */
  public byte[] classBytes(String internalName) {
    for (ClassFile c : classes) {
      if (c.internalName().equals(internalName)) {
        return c.bytes();
      }
    }
    return null;
  }

  /**
   * One generated class: its internal name and class-file bytes. The bytes are copied in and
   * out; equality compares contents.
   */
  public record ClassFile(String internalName, byte[] bytes) {

    public ClassFile {
      Objects.requireNonNull(internalName, "internalName");
      Objects.requireNonNull(bytes, "bytes");
      if (internalName.isEmpty()) {
        throw new IllegalArgumentException("empty class name");
      }
      bytes = bytes.clone();
    }

    /** A copy of the class-file bytes. */
    @Override
    public byte[] bytes() {
      return bytes.clone();
    }

    /** The bytes without copying, for writing. */
    byte[] rawBytes() {
      return bytes;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof ClassFile c && internalName.equals(c.internalName)
          && Arrays.equals(bytes, c.bytes);
    }

    @Override
    public int hashCode() {
      return 31 * internalName.hashCode() + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
      return "ClassFile[" + internalName + ", " + bytes.length + " bytes]";
    }
  }
}
