package dev.kiln.e2e.objects.programs;

import dev.kiln.Jit;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;

/** A fasta-like generator (after the Computer Language Benchmarks Game): a repeated sequence
 * and two random ones drawn through cumulative probability tables, written as 60-byte lines to
 * an {@link OutputStream}. The generator's random state is an object, not a static field. */
public final class Fasta {
  static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

  private Fasta() {}

  static final int LINE = 60;

  static final String ALU = "GGCCGGGCGCGGTGGCTCACGCCTGTAATCCCAGCACTTTGG"
      + "GAGGCCGAGGCGGGCGGATCACCTGAGGTCAGGAGTTCGAGA"
      + "CCAGCCTGGCCAACATGGTGAAACCCCGTCTCTACTAAAAAT"
      + "ACAAAAATTAGCCGGGCGTGGTGGCGCGCGCCTGTAATCCCA"
      + "GCTACTCGGGAGGCTGAGGCAGGAGAATCGCTTGAACCCGGG"
      + "AGGCGGAGGTTGCAGTGAGCCGAGATCGCGCCACTGCACTCC"
      + "AGCCTGGGCGACAGAGCGAGACTCCGTCTCAAAAA";

  /** The benchmark's generator: {@code last = (last * IA + IC) % IM}. */
  static final class Random {
    private int last;

    Random(int seed) {
      last = seed;
    }

    double next(double max) {
      last = (last * 3877 + 29573) % 139968;
      return max * last / 139968;
    }
  }

  static final class Table {
    final byte[] symbols;
    final double[] cumulative;

    Table(String symbols, double[] probabilities) {
      this.symbols = symbols.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      this.cumulative = new double[probabilities.length];
      double acc = 0;
      for (int i = 0; i < probabilities.length; i++) {
        acc += probabilities[i];
        cumulative[i] = acc;
      }
    }

    byte pick(double r) {
      for (int i = 0; i < cumulative.length; i++) {
        if (r < cumulative[i]) {
          return symbols[i];
        }
      }
      return symbols[symbols.length - 1];
    }
  }

  static void repeat(OutputStream out, String header, String seq, int n) throws IOException {
    out.write(header.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    byte[] s = seq.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    byte[] line = new byte[LINE + 1];
    int k = 0;
    while (n > 0) {
      int len = Math.min(LINE, n);
      for (int i = 0; i < len; i++) {
        line[i] = s[k];
        k = (k + 1) % s.length;
      }
      line[len] = '\n';
      out.write(line, 0, len + 1);
      n -= len;
    }
  }

  static void random(OutputStream out, String header, Table t, Random rng, int n)
      throws IOException {
    out.write(header.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    byte[] line = new byte[LINE + 1];
    while (n > 0) {
      int len = Math.min(LINE, n);
      for (int i = 0; i < len; i++) {
        line[i] = t.pick(rng.next(1.0));
      }
      line[len] = '\n';
      out.write(line, 0, len + 1);
      n -= len;
    }
  }

  @Jit
  public static void fasta(int n, OutputStream out) throws IOException {
    Table iub = new Table("acgtBDHKMNRSVWY", new double[] {0.27, 0.12, 0.12, 0.27, 0.02, 0.02,
        0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02});
    Table sapiens = new Table("acgt", new double[] {0.3029549426680, 0.1979883004921,
        0.1975473066391, 0.3015094502008});
    Random rng = new Random(42);
    repeat(out, ">ONE Homo sapiens alu\n", ALU, n * 2);
    random(out, ">TWO IUB ambiguity codes\n", iub, rng, n * 3);
    random(out, ">THREE Homo sapiens frequency\n", sapiens, rng, n * 5);
    out.flush();
  }
}
