package dev.kiln.cache;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The binary form of an {@link Entry} (all integers big-endian):
 *
 * <pre>
 * u4   magic            0x4B4C4E43 ("KLNC")
 * u2   format version   3
 * key:    str ownerClass, str method, str descriptor, str signature, str options,
 *         str kilnVersion, i4 jvmFeature, str origin
 * stamp   owner
 * i4      dependency count, then that many stamps
 * i4      class count, then per class: str internalName, i4 length, that many bytes
 * i4      metadata count, then per pair (sorted by key): str key, str value
 * u4   CRC32 of every byte before it
 *
 * str   = i4 byte length, then the string in modified UTF-8 (each char as 1, 2 or 3 bytes, as
 *         in class files but without a 64 KB limit; round-trips every Java string)
 * stamp = str className, 16 bytes hash ({@link ContentHash}), i8 modified, i8 size
 * </pre>
 *
 * <p>Nothing in it depends on time or on the writer, so an entry is always written as the same
 * bytes. A file that ends early, runs on past the checksum, fails the checksum or does not parse
 * is corrupt; a wrong magic number or format version is foreign (and so, found by the caller, is a
 * well-formed file for another key).
 */
final class EntryCodec {
  private EntryCodec() {}

  static final int MAGIC = 0x4B4C4E43;
  static final int VERSION = 3; // 3: keys name the owner's origin
  private static final int HASH_BYTES = 16;

  /** Why a file is not a usable entry. */
  static final class BadEntry extends Exception {
    /** True if the file is well-formed but not ours (magic, format version); else corrupt. */
    final boolean foreign;

    BadEntry(boolean foreign, String message) {
      super(message, null, false, false);
      this.foreign = foreign;
    }
  }

  // ---------------------------------------------------------------- writing

  static byte[] encode(Entry e) {
    Out out = new Out(1024 + estimate(e));
    out.u4(MAGIC);
    out.u2(VERSION);
    writeKey(out, e.key());
    writeStamp(out, e.owner());
    out.u4(e.dependencies().size());
    for (SourceStamp d : e.dependencies()) {
      writeStamp(out, d);
    }
    out.u4(e.classes().size());
    for (Entry.ClassFile c : e.classes()) {
      out.str(c.internalName());
      byte[] b = c.rawBytes();
      out.u4(b.length);
      out.write(b, 0, b.length);
    }
    out.u4(e.metadata().size());
    for (Map.Entry<String, String> m : e.metadata().entrySet()) { // sorted: Entry keeps a TreeMap
      out.str(m.getKey());
      out.str(m.getValue());
    }
    CRC32 crc = new CRC32();
    crc.update(out.buf(), 0, out.size());
    out.u4((int) crc.getValue());
    return out.toByteArray();
  }

  /** The key's fields in the file's encoding, after the magic number and version. */
  static byte[] encodeKey(CacheKey key) {
    Out out = new Out(256);
    writeKey(out, key);
    return out.toByteArray();
  }

  private static int estimate(Entry e) {
    long n = 0;
    for (Entry.ClassFile c : e.classes()) {
      n += c.rawBytes().length;
    }
    return (int) Math.min(n, Integer.MAX_VALUE - 4096);
  }

  private static void writeKey(Out out, CacheKey k) {
    out.str(k.ownerClass());
    out.str(k.method());
    out.str(k.descriptor());
    out.str(k.signature());
    out.str(k.options());
    out.str(k.kilnVersion());
    out.u4(k.jvmFeature());
    out.str(k.origin());
  }

  private static void writeStamp(Out out, SourceStamp s) {
    out.str(s.className());
    byte[] hash = ContentHash.bytes(s.hash());
    out.write(hash, 0, hash.length);
    out.u8(s.modified());
    out.u8(s.size());
  }

  private static final class Out extends ByteArrayOutputStream {
    Out(int size) {
      super(size);
    }

    byte[] buf() {
      return buf;
    }

    void u2(int v) {
      write(v >>> 8);
      write(v);
    }

    void u4(int v) {
      write(v >>> 24);
      write(v >>> 16);
      write(v >>> 8);
      write(v);
    }

    void u8(long v) {
      u4((int) (v >>> 32));
      u4((int) v);
    }

    void str(String s) {
      int n = 0;
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        n += c != 0 && c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
      }
      u4(n);
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c != 0 && c < 0x80) {
          write(c);
        } else if (c < 0x800) {
          write(0xC0 | (c >> 6));
          write(0x80 | (c & 0x3F));
        } else {
          write(0xE0 | (c >> 12));
          write(0x80 | ((c >> 6) & 0x3F));
          write(0x80 | (c & 0x3F));
        }
      }
    }
  }

  // ---------------------------------------------------------------- reading

  /** The entry in {@code file}, or why there is none. */
  static Entry decode(byte[] file) throws BadEntry {
    if (file.length < 6) {
      throw new BadEntry(false, "truncated (" + file.length + " bytes)");
    }
    In in = new In(file, file.length);
    int magic = in.u4();
    if (magic != MAGIC) {
      throw new BadEntry(true, String.format("not a Kiln cache file (magic 0x%08X)", magic));
    }
    int version = in.u2();
    if (version != VERSION) {
      throw new BadEntry(true, "cache format version " + version + ", not " + VERSION);
    }
    if (file.length < 10) {
      throw new BadEntry(false, "truncated (" + file.length + " bytes)");
    }
    int end = file.length - 4;
    CRC32 crc = new CRC32();
    crc.update(file, 0, end);
    int stored = new In(file, file.length).at(end).u4();
    if ((int) crc.getValue() != stored) {
      throw new BadEntry(false, "checksum mismatch (truncated or damaged, " + file.length
          + " bytes)");
    }
    in = new In(file, end).at(6);
    CacheKey key = readKey(in);
    SourceStamp owner = readStamp(in);
    int nDeps = in.count(HASH_BYTES + 20);
    List<SourceStamp> deps = new ArrayList<>(nDeps);
    for (int i = 0; i < nDeps; i++) {
      deps.add(readStamp(in));
    }
    int nClasses = in.count(8);
    List<Entry.ClassFile> classes = new ArrayList<>(nClasses);
    for (int i = 0; i < nClasses; i++) {
      String name = in.str();
      classes.add(new Entry.ClassFile(name, in.bytes(in.count(1))));
    }
    int nMeta = in.count(8);
    Map<String, String> meta = new LinkedHashMap<>();
    for (int i = 0; i < nMeta; i++) {
      String k = in.str();
      if (meta.put(k, in.str()) != null) {
        throw new BadEntry(false, "metadata key " + k + " twice");
      }
    }
    if (in.pos != end) {
      throw new BadEntry(false, (end - in.pos) + " stray bytes before the checksum");
    }
    Entry e;
    try {
      e = new Entry(key, owner, deps, classes, meta);
    } catch (IllegalArgumentException x) {
      throw new BadEntry(false, "inconsistent entry: " + x.getMessage());
    }
    // Reject anything Entry would have normalized differently: the file must be canonical.
    if (!e.dependencies().equals(deps)) {
      throw new BadEntry(false, "dependencies not in canonical order");
    }
    return e;
  }

  private static CacheKey readKey(In in) throws BadEntry {
    String owner = in.str();
    String method = in.str();
    String descriptor = in.str();
    String signature = in.str();
    String options = in.str();
    String kilnVersion = in.str();
    int feature = in.u4();
    String origin = in.str();
    try {
      return new CacheKey(owner, method, descriptor, signature, options, kilnVersion, feature,
          origin);
    } catch (IllegalArgumentException x) {
      throw new BadEntry(false, "bad key: " + x.getMessage());
    }
  }

  private static SourceStamp readStamp(In in) throws BadEntry {
    String name = in.str();
    String hash = ContentHash.text(in.bytes(HASH_BYTES));
    long modified = in.u8();
    long size = in.u8();
    try {
      return new SourceStamp(name, hash, modified, size);
    } catch (IllegalArgumentException x) {
      throw new BadEntry(false, "bad stamp: " + x.getMessage());
    }
  }

  private static final class In {
    /** By name: {@code StandardCharsets} would load every standard charset on a warm start. */
    private static final java.nio.charset.Charset LATIN_1 =
        java.nio.charset.Charset.forName("ISO-8859-1");
    private final byte[] b;
    private final int limit;
    int pos;

    In(byte[] b, int limit) {
      this.b = b;
      this.limit = limit;
    }

    In at(int p) {
      pos = p;
      return this;
    }

    private void need(long n) throws BadEntry {
      if (n < 0 || n > limit - pos) {
        throw new BadEntry(false, "truncated or damaged (needs " + n + " bytes at offset " + pos
            + " of " + limit + ")");
      }
    }

    int u2() throws BadEntry {
      need(2);
      int v = ((b[pos] & 0xFF) << 8) | (b[pos + 1] & 0xFF);
      pos += 2;
      return v;
    }

    int u4() throws BadEntry {
      need(4);
      int v = ((b[pos] & 0xFF) << 24) | ((b[pos + 1] & 0xFF) << 16) | ((b[pos + 2] & 0xFF) << 8)
          | (b[pos + 3] & 0xFF);
      pos += 4;
      return v;
    }

    long u8() throws BadEntry {
      long hi = u4() & 0xFFFFFFFFL;
      return (hi << 32) | (u4() & 0xFFFFFFFFL);
    }

    /** A count or length whose items take at least {@code minItemSize} bytes each. */
    int count(int minItemSize) throws BadEntry {
      int n = u4();
      if (n < 0) {
        throw new BadEntry(false, "negative count " + n + " at offset " + (pos - 4));
      }
      need((long) n * minItemSize);
      return n;
    }

    byte[] bytes(int n) throws BadEntry {
      need(n);
      byte[] out = java.util.Arrays.copyOfRange(b, pos, pos + n);
      pos += n;
      return out;
    }

    String str() throws BadEntry {
      int n = count(1);
      int end = pos + n;
      int ascii = pos;
      while (ascii < end && b[ascii] > 0) { // 1..127: each byte is its char
        ascii++;
      }
      if (ascii == end) { // the common case (names, signatures, typed IR): no append per char,
        String s = new String(b, pos, n, LATIN_1); // which a cold JVM runs interpreted
        pos = end;
        return s;
      }
      StringBuilder s = new StringBuilder(n);
      while (pos < end) {
        int c = b[pos++] & 0xFF;
        if (c < 0x80 && c != 0) {
          s.append((char) c);
        } else if ((c & 0xE0) == 0xC0) {
          s.append((char) (((c & 0x1F) << 6) | cont(end)));
        } else if ((c & 0xF0) == 0xE0) {
          int c1 = cont(end);
          s.append((char) (((c & 0x0F) << 12) | (c1 << 6) | cont(end)));
        } else {
          throw new BadEntry(false, "malformed string at offset " + (pos - 1));
        }
      }
      return s.toString();
    }

    private int cont(int end) throws BadEntry {
      if (pos >= end || (b[pos] & 0xC0) != 0x80) {
        throw new BadEntry(false, "malformed string at offset " + pos);
      }
      return b[pos++] & 0x3F;
    }
  }
}
