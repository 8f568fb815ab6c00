package dev.kiln.cache;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ContentHashTest {
  /** A hash's text and the bytes an entry stores for it convert into each other. */
  @Test
  void textAndBytesRoundTrip() {
    String h = ContentHash.hex("hello".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    byte[] b = ContentHash.bytes(h);
    assertEquals(16, b.length);
    assertEquals((byte) 0x02, b[0]);
    assertEquals((byte) 0x9b, b[1]);
    assertEquals(h, ContentHash.text(b));
  }

  /** Expected values printed by Guava 33.1's {@code Hashing.murmur3_128().hashBytes(...)}. */
  @Test
  void matchesTheReferenceMurmur3x64_128() {
    assertEquals("00000000000000000000000000000000", ContentHash.hex(new byte[0]));
    assertEquals("897859f6655555855a890e51483ab5e6", ContentHash.hex("a".getBytes(UTF_8)));
    assertEquals("67f8103e694299624753ebba820bdb92", ContentHash.hex("hell".getBytes(UTF_8)));
    assertEquals("029bbd41b3a7d8cb191dae486a901e5b", ContentHash.hex("hello".getBytes(UTF_8)));
    assertEquals("9d848e8baad94c94ba2bd1574a282a6b",
        ContentHash.hex("hello wor".getBytes(UTF_8)));
    assertEquals("a7d14acf946de04bda08a7635c5bc387",
        ContentHash.hex("0123456789abcdef".getBytes(UTF_8)));
    assertEquals("1d904a6c0275d399f39cf8ea56e2694e",
        ContentHash.hex("0123456789abcdefXYZ".getBytes(UTF_8)));
    assertEquals("6c1b07bc7bbc4be347939ac4a93c437a",
        ContentHash.hex("The quick brown fox jumps over the lazy dog".getBytes(UTF_8)));
    byte[] b = new byte[1000];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) (i * 31 + 7);
    }
    assertEquals("45c99d896b9dfe1729ce34cea6aaa7d3", ContentHash.hex(b));
  }

  @Test
  void everyOneBitChangeOfAClassSizedInputChangesTheHash() {
    byte[] b = new byte[700];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) (i * 131 + 3);
    }
    Set<String> seen = new HashSet<>();
    seen.add(ContentHash.hex(b));
    for (int i = 0; i < b.length * 8; i++) {
      b[i / 8] ^= (byte) (1 << (i % 8));
      assertTrue(seen.add(ContentHash.hex(b)), "bit " + i);
      b[i / 8] ^= (byte) (1 << (i % 8));
    }
  }

  @Test
  void hexShape() {
    assertTrue(ContentHash.isHex(ContentHash.hex("x".getBytes(UTF_8))));
    assertFalse(ContentHash.isHex("0".repeat(31)));
    assertFalse(ContentHash.isHex("A".repeat(32)));
    assertNotEquals(ContentHash.hex("ab".getBytes(UTF_8)), ContentHash.hex("ba".getBytes(UTF_8)));
  }
}
