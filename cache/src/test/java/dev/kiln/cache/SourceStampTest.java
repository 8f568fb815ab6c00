package dev.kiln.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceStampTest {

  @TempDir Path tmp;

  private static final String FIXTURE = "dev.kiln.cache.JarFixture";
  private static final String FIXTURE_RESOURCE = "dev/kiln/cache/JarFixture.class";

  private static byte[] fixtureBytes() throws Exception {
    try (InputStream in = SourceStampTest.class.getClassLoader()
        .getResourceAsStream(FIXTURE_RESOURCE)) {
      return in.readAllBytes();
    }
  }

  private static String hash(byte[] b) {
    return ContentHash.hex(b);
  }

  @Test
  void classFromADirectory() throws Exception {
    byte[] bytes = fixtureBytes();
    URL url = JarFixture.class.getClassLoader().getResource(FIXTURE_RESOURCE);
    assertEquals("file", url.getProtocol(), "the test classes are a directory: " + url);
    Path file = Path.of(url.toURI());

    SourceStamp s = SourceStamp.of(JarFixture.class, bytes);
    assertEquals(new SourceStamp(FIXTURE, hash(bytes),
        Files.getLastModifiedTime(file).toMillis(), Files.size(file)), s);
    assertEquals(s, SourceStamp.find(JarFixture.class.getClassLoader(), FIXTURE));
    assertEquals(s, StampCheck.of(JarFixture.class.getClassLoader()).current(FIXTURE));
    ClassFileSource f = ClassFileSource.of(JarFixture.class);
    assertEquals(s, SourceStamp.of(FIXTURE, f.bytes(), f.modified(), f.size()),
        "the code source's file gives the stamp the resource does");
    assertNull(ClassFileSource.of(String.class), "no file beside the JDK's classes");
  }

  @Test
  void classFromAJar() throws Exception {
    byte[] bytes = fixtureBytes();
    long time = 1_600_000_000_000L; // an even second: zip times have 2 s resolution
    Path jar = writeJar(tmp.resolve("fixture.jar"), bytes, time);
    long entryTime;
    long stampTime; // the entry's DOS date and time read as if UTC: the same in every zone
    try (JarFile jf = new JarFile(jar.toFile())) {
      entryTime = jf.getJarEntry(FIXTURE_RESOURCE).getTime();
      stampTime = jf.getJarEntry(FIXTURE_RESOURCE).getTimeLocal()
          .toEpochSecond(java.time.ZoneOffset.UTC) * 1000;
    }
    assertEquals(time, entryTime);

    SourceStamp s;
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
      Class<?> c = loader.loadClass(FIXTURE);
      assertSame(loader, c.getClassLoader(), "loaded from the jar, not the test classes");
      assertEquals(42, c.getMethod("answer").invoke(null));
      s = SourceStamp.of(c, bytes);
      assertEquals(new SourceStamp(FIXTURE, hash(bytes), stampTime, bytes.length), s);
      assertEquals(s, SourceStamp.find(loader, FIXTURE));
      assertNull(SourceStamp.find(loader, "dev.kiln.cache.NoSuchClass"));
      ClassFileSource f = ClassFileSource.of(c);
      assertEquals(s, SourceStamp.of(FIXTURE, f.bytes(), f.modified(), f.size()),
          "the jar beside the class gives the stamp its resource does");
    }

    // The same bytes in a jar written later: the entry's time differs, so the stamp does.
    Path newer = writeJar(tmp.resolve("newer.jar"), bytes, time + 60_000);
    Files.move(newer, jar, StandardCopyOption.REPLACE_EXISTING);
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
      SourceStamp now = SourceStamp.find(loader, FIXTURE);
      assertEquals(new SourceStamp(FIXTURE, s.hash(), stampTime + 60_000, bytes.length), now);
    }
  }

  /** A class's origin is its jar's or directory's path however its URL escapes it, else
   * its code source's URL, else empty. */
  @Test
  void originsArePathsOfJarsAndDirectories() throws Exception {
    Path dir = tmp.resolve("caf\u00e9 dir");
    java.security.ProtectionDomain escaped = new java.security.ProtectionDomain(
        new java.security.CodeSource(new URL(dir.toUri().toASCIIString()),
            (java.security.cert.Certificate[]) null), null);
    java.security.ProtectionDomain plain = new java.security.ProtectionDomain(
        new java.security.CodeSource(dir.toFile().toURI().toURL(),
            (java.security.cert.Certificate[]) null), null);
    assertEquals(dir.toString(), ClassFileSource.origin(escaped));
    assertEquals(dir.toString(), ClassFileSource.origin(plain));
    java.security.ProtectionDomain nested = new java.security.ProtectionDomain(
        new java.security.CodeSource(new URL("jar:file:/app.jar!/lib/"),
            (java.security.cert.Certificate[]) null), null);
    assertEquals("jar:file:/app.jar!/lib/", ClassFileSource.origin(nested));
    assertEquals("", ClassFileSource.origin(new java.security.ProtectionDomain(null, null)));
    assertEquals("", ClassFileSource.origin(null));
  }

  /**
   * An entry whose name the class loader's URL escapes (a space, a non-ASCII letter) is read
   * from the jar all the same, with its DOS time, not through the URL's connection.
   */
  @Test
  void escapedEntryNamesAreReadFromTheJar() throws Exception {
    Path jar = tmp.resolve("names.jar");
    String name = "p/Caf\u00e9 au lait.class";
    try (OutputStream out = Files.newOutputStream(jar);
         JarOutputStream jos = new JarOutputStream(out)) {
      JarEntry e = new JarEntry(name);
      e.setTimeLocal(java.time.LocalDateTime.of(2020, 5, 17, 10, 30, 42));
      jos.putNextEntry(e);
      jos.write(new byte[] {4, 5, 6});
      jos.closeEntry();
    }
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
      URL url = loader.getResource(name);
      assertTrue(url.toString().contains("Caf%"), url::toString);
      ClassFileSource e = JarEntryFile.read(url);
      assertArrayEquals(new byte[] {4, 5, 6}, e.bytes());
      assertEquals(java.time.LocalDateTime.of(2020, 5, 17, 10, 30, 42)
          .toEpochSecond(java.time.ZoneOffset.UTC) * 1000, e.modified());
    }
  }

  /** A multi-release jar: the entry the class loader reads (the versioned one) is stamped. */
  @Test
  void multiReleaseJarEntryIsTheVersionedOne() throws Exception {
    Path jar = tmp.resolve("mr.jar");
    java.util.jar.Manifest mf = new java.util.jar.Manifest();
    mf.getMainAttributes().put(java.util.jar.Attributes.Name.MANIFEST_VERSION, "1.0");
    mf.getMainAttributes().put(new java.util.jar.Attributes.Name("Multi-Release"), "true");
    try (OutputStream out = Files.newOutputStream(jar);
         JarOutputStream jos = new JarOutputStream(out, mf)) {
      jos.putNextEntry(new JarEntry("p/C.class"));
      jos.write(new byte[] {1, 2, 3});
      jos.closeEntry();
      jos.putNextEntry(new JarEntry("META-INF/versions/9/p/C.class"));
      jos.write(new byte[] {9, 9, 9, 9});
      jos.closeEntry();
    }
    ClassFileSource e = JarEntryFile.read(jar.toFile(), "p/C.class");
    assertArrayEquals(new byte[] {9, 9, 9, 9}, e.bytes());
    assertEquals(4, e.size());
  }

  /**
   * Versioned copies count only in a jar whose manifest says Multi-Release, and only for the
   * entry they copy: the base entry is read otherwise, as the class loader reads it.
   */
  @Test
  void versionedCopiesCountOnlyInAMultiReleaseJar() throws Exception {
    for (boolean multiRelease : new boolean[] {true, false}) {
      Path jar = tmp.resolve("mr-" + multiRelease + ".jar");
      java.util.jar.Manifest mf = new java.util.jar.Manifest();
      mf.getMainAttributes().put(java.util.jar.Attributes.Name.MANIFEST_VERSION, "1.0");
      if (multiRelease) {
        mf.getMainAttributes().put(new java.util.jar.Attributes.Name("Multi-Release"), "true");
      }
      try (OutputStream out = Files.newOutputStream(jar);
           JarOutputStream jos = new JarOutputStream(out, mf)) {
        // C: a copy for this version and one for 9; D: only for 9; F: only in a versioned
        // directory
        int feature = Runtime.version().feature();
        String[][] entries = {{"p/C.class", "1"}, {"META-INF/versions/9/p/C.class", "9"},
            {"META-INF/versions/" + feature + "/p/C.class", "7"}, {"p/D.class", "1"},
            {"META-INF/versions/9/p/D.class", "9"}, {"META-INF/versions/9/p/F.class", "9"}};
        for (String[] e : entries) {
          jos.putNextEntry(new JarEntry(e[0]));
          jos.write(new byte[] {Byte.parseByte(e[1])});
          jos.closeEntry();
        }
      }
      assertArrayEquals(new byte[] {multiRelease ? (byte) 7 : 1},
          JarEntryFile.read(jar.toFile(), "p/C.class").bytes());
      assertArrayEquals(new byte[] {multiRelease ? (byte) 9 : 1},
          JarEntryFile.read(jar.toFile(), "p/D.class").bytes());
      ClassFileSource f = JarEntryFile.read(jar.toFile(), "p/F.class");
      if (multiRelease) {
        assertArrayEquals(new byte[] {9}, f.bytes());
      } else {
        assertEquals(null, f);
      }
      assertEquals(null, JarEntryFile.read(jar.toFile(), "p/E.class"));
    }
  }

  /** A jar entry's DOS time is not converted through the default time zone. */
  @Test
  void jarEntryStampIsTheSameInEveryTimeZone() throws Exception {
    byte[] bytes = fixtureBytes();
    java.util.TimeZone saved = java.util.TimeZone.getDefault();
    try {
      java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("Asia/Kolkata"));
      Path jar = writeJar(tmp.resolve("zoned.jar"), bytes, 1_600_000_000_000L);
      SourceStamp there;
      try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
        there = SourceStamp.find(loader, FIXTURE);
        java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("America/Los_Angeles"));
        assertEquals(there, SourceStamp.find(loader, FIXTURE));
        assertEquals(there, SourceStamp.of(loader.loadClass(FIXTURE), bytes));
      }
      // before 1980 a zip stores an extended time, in UTC: used as it is
      Path old = writeJar(tmp.resolve("old.jar"), bytes, 86_400_000L);
      try (URLClassLoader loader = new URLClassLoader(new URL[] {old.toUri().toURL()}, null)) {
        assertEquals(86_400_000L, SourceStamp.find(loader, FIXTURE).modified());
      }
    } finally {
      java.util.TimeZone.setDefault(saved);
    }
  }

  @Test
  void entryBuiltFromAJarGoesStaleWhenTheJarChanges() throws Exception {
    byte[] bytes = fixtureBytes();
    Path jar = writeJar(tmp.resolve("app.jar"), bytes, 1_600_000_000_000L);
    ClassCache cache = ClassCache.open(tmp.resolve("cache"));
    CacheKey key = CacheKey.of(FIXTURE, "answer", "()I", "int()", "", "test",
        jar.toString());
    assertEquals(Runtime.version().feature(), key.jvmFeature());
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
      Class<?> c = loader.loadClass(FIXTURE);
      Entry e = new Entry(key, SourceStamp.of(c, bytes),
          List.of(new Entry.ClassFile("dev/kiln/cache/JarFixture$$Kiln", new byte[] {1})),
          Map.of("entry", "answer ()I"));
      cache.store(e);
      assertEquals(Optional.of(e), cache.load(key, StampCheck.of(loader)));
    }
    Path newer = writeJar(tmp.resolve("app2.jar"), bytes, 1_600_000_010_000L);
    Files.move(newer, jar, StandardCopyOption.REPLACE_EXISTING);
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
      assertEquals(Optional.empty(), cache.load(key, StampCheck.of(loader)));
      assertEquals(1, cache.stats().rejected());
    }
  }

  @Test
  void classWithoutAFileOrJarEntry() throws Exception {
    byte[] someBytes = {1, 2, 3};
    SourceStamp s = SourceStamp.of(String.class, someBytes); // jrt: from the JDK image
    assertEquals(new SourceStamp("java.lang.String", hash(someBytes), -1, -1), s);
    SourceStamp found = SourceStamp.find(null, "java.lang.String");
    assertNotNull(found);
    assertEquals(-1, found.modified());
    assertNotEquals(s.hash(), found.hash());
    assertNull(SourceStamp.find(null, "no.such.Clazz"));
  }

  @Test
  void hashIsOfTheBytesGiven() throws Exception {
    byte[] bytes = fixtureBytes();
    SourceStamp a = SourceStamp.of(JarFixture.class, bytes);
    bytes[bytes.length - 1] ^= 1;
    SourceStamp b = SourceStamp.of(JarFixture.class, bytes);
    assertNotEquals(a.hash(), b.hash());
    assertEquals(a.modified(), b.modified());
    assertTrue(a.hash().matches("[0-9a-f]{32}"));
  }

  private static Path writeJar(Path jar, byte[] classBytes, long time) throws Exception {
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream jos = new JarOutputStream(out)) {
      JarEntry dirEntry = new JarEntry("dev/kiln/cache/");
      dirEntry.setTime(time);
      jos.putNextEntry(dirEntry);
      jos.closeEntry();
      JarEntry e = new JarEntry(FIXTURE_RESOURCE);
      e.setTime(time);
      jos.putNextEntry(e);
      jos.write(classBytes);
      jos.closeEntry();
    }
    return jar;
  }
}
