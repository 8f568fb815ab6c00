package dev.kiln.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DOS time of a jar entry read from the central directory, against java.util.zip's. */
class ZipDosTimeTest {
  @TempDir
  Path tmp;

  /** What JarEntryFile computed before: the DOS fields as a LocalDateTime, read as UTC. */
  private static long expected(int dos) {
    try {
      return LocalDateTime.of(((dos >>> 25) & 0x7f) + 1980, (dos >>> 21) & 0x0f,
          (dos >>> 16) & 0x1f, (dos >>> 11) & 0x1f, (dos >>> 5) & 0x3f, (dos << 1) & 0x3e)
          .toEpochSecond(ZoneOffset.UTC) * 1000;
    } catch (DateTimeException e) {
      return ZipDosTime.INVALID;
    }
  }

  private static int dos(int year, int month, int day, int hour, int minute, int second) {
    return (year - 1980) << 25 | month << 21 | day << 16 | hour << 11 | minute << 5 | second >> 1;
  }

  @Test
  void everyDayOfEveryYearAndEveryField() {
    for (int year = 1980; year <= 2107; year++) {
      for (int month = 0; month <= 15; month++) {
        for (int day = 0; day <= 31; day++) {
          int d = dos(year, month, day, 13, 37, 42);
          assertEquals(expected(d), ZipDosTime.millis(d), () -> Integer.toHexString(d));
        }
      }
    }
    for (int hour = 0; hour <= 31; hour++) {
      for (int minute = 0; minute <= 63; minute++) {
        for (int second = 0; second <= 62; second += 2) {
          int d = dos(2024, 2, 29, hour, minute, second);
          assertEquals(expected(d), ZipDosTime.millis(d), () -> Integer.toHexString(d));
        }
      }
    }
    Random r = new Random(1833);
    for (int i = 0; i < 200_000; i++) {
      int d = r.nextInt();
      assertEquals(expected(d), ZipDosTime.millis(d), () -> Integer.toHexString(d));
    }
  }

  @Test
  void daysFromTheEpochAsJavaTimeCounts() {
    for (LocalDateTime t = LocalDateTime.of(1979, 12, 1, 0, 0); t.getYear() < 2108;
         t = t.plusDays(1)) {
      assertEquals(t.toLocalDate().toEpochDay(),
          ZipDosTime.daysFromEpoch(t.getYear(), t.getMonthValue(), t.getDayOfMonth()));
    }
  }

  /** Many entries, times of every kind, a comment, and a versioned entry: each as zip reads it. */
  @Test
  void eachEntryOfAJarAsJavaUtilZipReadsIt() throws Exception {
    Path jar = tmp.resolve("many.jar");
    Manifest mf = new Manifest();
    mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    mf.getMainAttributes().put(new Attributes.Name("Multi-Release"), "true");
    Random r = new Random(42);
    List<String> names = new ArrayList<>();
    try (OutputStream out = Files.newOutputStream(jar);
         JarOutputStream jos = new JarOutputStream(out, mf)) {
      jos.setComment("a comment at the end, which the end record must be found before");
      for (int i = 0; i < 300; i++) {
        String name = "p/q/C" + i + ".class";
        JarEntry e = new JarEntry(i % 7 == 0 ? "META-INF/versions/11/" + name : name);
        int year = 1980 + r.nextInt(128);
        int month = 1 + r.nextInt(12);
        int day = 1 + r.nextInt(java.time.YearMonth.of(year, month).lengthOfMonth());
        e.setTimeLocal(LocalDateTime.of(year, month, day, r.nextInt(24), r.nextInt(60),
            r.nextInt(60)));
        if (i % 11 == 0) {
          e.setTimeLocal(LocalDateTime.of(2024, 2, 29, 23, 59, 58)); // a leap day
        }
        jos.putNextEntry(e);
        jos.write(new byte[] {(byte) i});
        jos.closeEntry();
        names.add(e.getName());
      }
      // C7 is versioned: its unversioned twin, with a time of its own, must not be the one read
      JarEntry twin = new JarEntry("p/q/C7.class");
      twin.setTimeLocal(LocalDateTime.of(1999, 12, 31, 23, 59, 58));
      jos.putNextEntry(twin);
      jos.write(0);
      jos.closeEntry();
    }
    try (ZipFile z = new ZipFile(jar.toFile())) {
      for (String name : names) {
        ZipEntry e = z.getEntry(name);
        long want = e.getTimeLocal().toEpochSecond(ZoneOffset.UTC) * 1000;
        assertEquals(want, ZipDosTime.of(jar.toFile(), name), name);
      }
    }
    assertEquals(ZipDosTime.UNKNOWN, ZipDosTime.of(jar.toFile(), "p/q/Missing.class"));
    // through JarEntryFile, versioned as the class loader reads the jar
    try (JarFile versioned = new JarFile(jar.toFile(), false, ZipFile.OPEN_READ,
        Runtime.version())) {
      JarEntry e = versioned.getJarEntry("p/q/C7.class");
      assertEquals("META-INF/versions/11/p/q/C7.class", e.getRealName());
      long want = e.getTimeLocal().toEpochSecond(ZoneOffset.UTC) * 1000;
      assertEquals(want, ZipDosTime.of(jar.toFile(), e.getRealName()), "read directly");
      assertEquals(want, JarEntryFile.read(jar.toFile(), "p/q/C7.class").modified());
      long twin = LocalDateTime.of(1999, 12, 31, 23, 59, 58).toEpochSecond(ZoneOffset.UTC) * 1000;
      assertEquals(twin, ZipDosTime.of(jar.toFile(), "p/q/C7.class"), "the twin's own time");
      org.junit.jupiter.api.Assertions.assertNotEquals(twin, want, "the two times differ");
    }
  }

  /** Bytes before the zip (a launcher script, say) do not move the directory it finds. */
  @Test
  void aZipAfterAPrefix() throws Exception {
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(zip)) {
      ZipEntry e = new ZipEntry("a/B.class");
      e.setTimeLocal(LocalDateTime.of(2001, 9, 9, 1, 46, 40));
      z.putNextEntry(e);
      z.write(1);
      z.closeEntry();
    }
    Path file = tmp.resolve("prefixed.jar");
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write("#!/bin/sh\nexec java -jar \"$0\" \"$@\"\n".getBytes());
      out.write(zip.toByteArray());
    }
    assertEquals(LocalDateTime.of(2001, 9, 9, 1, 46, 40).toEpochSecond(ZoneOffset.UTC) * 1000,
        ZipDosTime.of(file.toFile(), "a/B.class"));
  }

  /** A directory too large to scan once per class is left to java.util.zip, which agrees. */
  @Test
  void aLargeDirectoryIsLeftToJavaUtilZip() throws Exception {
    Path jar = tmp.resolve("large.jar");
    String wanted = null;
    try (OutputStream out = Files.newOutputStream(jar);
         ZipOutputStream z = new ZipOutputStream(out)) {
      for (int i = 0; ZipDosTime.MAX_DIRECTORY / 80 > i; i++) { // records of 46 + ~40 bytes
        ZipEntry e = new ZipEntry(String.format("some/rather/long/package/Name%05d.class", i));
        e.setTimeLocal(LocalDateTime.of(2020, 1 + i % 12, 1 + i % 28, 12, 0, 0));
        z.putNextEntry(e);
        z.closeEntry();
        wanted = e.getName();
      }
    }
    assertEquals(ZipDosTime.UNKNOWN, ZipDosTime.of(jar.toFile(), wanted));
    try (ZipFile z = new ZipFile(jar.toFile())) {
      assertEquals(z.getEntry(wanted).getTimeLocal().toEpochSecond(ZoneOffset.UTC) * 1000,
          JarEntryFile.read(jar.toFile(), wanted).modified());
    }
  }

  @Test
  void notAZip() throws Exception {
    File f = tmp.resolve("not.jar").toFile();
    Files.write(f.toPath(), new byte[100]);
    assertEquals(ZipDosTime.UNKNOWN, ZipDosTime.of(f, "a/B.class"));
    Files.write(f.toPath(), new byte[0]);
    assertEquals(ZipDosTime.UNKNOWN, ZipDosTime.of(f, "a/B.class"));
  }
}
