package dev.kiln.e2e.objects.corpus;

import dev.kiln.Jit;
import dev.kiln.e2e.Range;
import dev.kiln.e2e.Size;
import dev.kiln.e2e.objects.Sample;
import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Instance methods compiled with {@code Kiln.jit} on the instance method: the dispatcher takes
 * the receiver as argument 0. They read and write fields (getfield/putfield), call other
 * instance methods (private ones too), reach private fields of another object of the same
 * class, return {@code this} for chaining, and make new instances. Receivers (and the objects
 * they point to) are compared field by field after each run.
 */
public final class InstanceCorpus {
  static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

  private int count;
  private long total;
  private double[] data;
  private String label;
  private final List<Integer> items;
  private InstanceCorpus peer;

  InstanceCorpus(int count, long total, double[] data, String label, List<Integer> items) {
    this.count = count;
    this.total = total;
    this.data = data;
    this.label = label;
    this.items = items;
  }

  @Sample
  static InstanceCorpus sample(Random r) {
    InstanceCorpus c = make(r);
    if (r.nextInt(4) != 0) {
      c.peer = make(r);
    }
    return c;
  }

  private static InstanceCorpus make(Random r) {
    double[] data = null;
    if (r.nextInt(8) != 0) {
      data = new double[r.nextInt(6)];
      for (int i = 0; i < data.length; i++) {
        data[i] = Math.round(r.nextGaussian() * 100) / 10.0;
      }
    }
    List<Integer> items = new ArrayList<>();
    for (int i = r.nextInt(5); i > 0; i--) {
      items.add(r.nextInt(100) - 50);
    }
    String label = r.nextInt(6) == 0 ? null : "L" + r.nextInt(1000);
    return new InstanceCorpus(r.nextInt(20) - 5, r.nextLong() % 1000, data, label, items);
  }

  @Jit
  public int getCount() {
    return count;
  }

  @Jit
  public void add(int x) {
    count++;
    total += x;
  }

  @Jit
  public double mean() {
    double s = 0;
    for (double d : data) {
      s += d;
    }
    return s / data.length;
  }

  @Jit
  public String describe() {
    return label + "#" + count + "=" + total + " items" + items;
  }

  /** Calls another instance method of this object in a loop. */
  @Jit
  public long addAll(@Size(max = 8) int[] xs) {
    for (int x : xs) {
      add(x);
    }
    return total * 100 + count;
  }

  /** A private field of another object of the same class. */
  @Jit
  public int peerCount() {
    return peer.count + count;
  }

  @Jit
  public void swapWithPeer() {
    int c = peer.count;
    peer.count = count;
    count = c;
    String l = peer.label;
    peer.label = label;
    label = l;
  }

  private int scaled(int x) {
    return x * count + items.size();
  }

  @Jit
  public int privateHelper(@Range(min = -5, max = 5) int x) {
    return scaled(x) + scaled(x + 1);
  }

  @Jit
  public InstanceCorpus copy() {
    InstanceCorpus c = new InstanceCorpus(count, total, data == null ? null : data.clone(),
        label, new ArrayList<>(items));
    c.count++;
    return c;
  }

  @Jit
  public int itemsSum() {
    int s = 0;
    for (int x : items) {
      s += x;
    }
    items.add(s);
    return s;
  }

  @Jit
  public String labelUpper() {
    return label.toUpperCase(java.util.Locale.ROOT);
  }

  InstanceCorpus withCount(int c) {
    count = c;
    return this;
  }

  @Jit
  public int chained(@Range(min = -3, max = 3) int c) {
    return withCount(c).withCount(count + 5).count;
  }

  @Jit
  public void setData(@Size(max = 4) double[] d) {
    data = d;
    label = d == null ? "none" : "n" + d.length;
  }

  @Jit
  public double dataTimesPeer() {
    double s = 0;
    for (int i = 0; i < data.length; i++) {
      s += data[i] * (peer == null || peer.data == null || i >= peer.data.length ? 1
          : peer.data[i]);
    }
    return s;
  }

  @Jit
  public boolean sameLabelAs(InstanceCorpus other) {
    return other != null && java.util.Objects.equals(label, other.label)
        && other.count == count;
  }

  @Jit
  public synchronized long synchronizedTotal(int x) {
    total += x;
    return Thread.holdsLock(this) ? total : Long.MIN_VALUE;
  }

  /** Recursion through the peer chain. */
  @Jit
  public int chainLength() {
    return peer == null ? 1 : 1 + peer.chainLength();
  }
}
