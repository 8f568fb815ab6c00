package dev.kiln.e2e.objects.corpus;

import dev.kiln.Jit;
import dev.kiln.e2e.NonNull;
import dev.kiln.e2e.Range;
import dev.kiln.e2e.Size;
import dev.kiln.e2e.Strings;
import java.lang.invoke.MethodHandles;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;

/**
 * Collections: lists, maps, sets and deques built in the method; for-each over a
 * {@code List<Long>} parameter (an {@code Iterator} and unboxing; the list is an
 * {@code ArrayList}, a {@code LinkedList}, an immutable {@code List.copyOf} or an
 * {@code Arrays.asList}: four exact classes); explicit iterators; the exceptions collections
 * throw (index out of bounds, UnsupportedOperationException, ConcurrentModificationException,
 * NoSuchElementException).
 */
public final class CollectionCorpus {
  static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

  private CollectionCorpus() {}

  @Jit
  public static long sumLongs(@Size(max = 12) List<Long> xs) {
    long s = 0;
    for (long x : xs) {
      s += x;
    }
    return s;
  }

  @Jit
  public static long iterateExplicitly(@Size(max = 6) List<Long> xs) {
    Iterator<Long> it = xs.iterator();
    long s = 17;
    while (it.hasNext()) {
      s = s * 31 + it.next();
    }
    try {
      it.next(); // always past the end
      return 0;
    } catch (java.util.NoSuchElementException e) {
      return -s;
    }
  }

  @Jit
  public static List<Integer> squares(@Range(min = -1, max = 20) int n) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(i * i);
    }
    return out;
  }

  @Jit
  public static Map<String, Integer> wordCounts(@Size(max = 10)
                                                @Strings({"a", "b", "c", "Aa", "BB"})
                                                String[] words) {
    Map<String, Integer> counts = new HashMap<>();
    for (String w : words) {
      counts.merge(w, 1, Integer::sum);
    }
    return counts;
  }

  @Jit
  public static int getOrDefault(@Size(max = 5) @Strings({"a", "b", "c"}) Map<String, Integer> m,
                                 @Strings({"a", "b", "c"}) String k) {
    return m.getOrDefault(k, -1) + (m.containsKey(k) ? 100 : 0) + m.size() * 1000;
  }

  @Jit
  public static List<String> sortedCopy(@Size(max = 8) List<String> xs) {
    List<String> copy = new ArrayList<>(xs);
    Collections.sort(copy);
    copy.sort(null);
    return copy;
  }

  @Jit
  public static int removeOddsWithIterator(@Size(max = 10) @Range(min = -5, max = 20)
                                           List<Integer> xs) {
    List<Integer> copy = new ArrayList<>(xs);
    for (Iterator<Integer> it = copy.iterator(); it.hasNext(); ) {
      if (it.next() % 2 != 0) {
        it.remove();
      }
    }
    return copy.size() * 1000 + copy.hashCode() % 1000;
  }

  /** Mutates the argument: immutable lists throw UnsupportedOperationException. */
  @Jit
  public static int removeIfInPlace(@Size(max = 10) @Range(min = -5, max = 20)
                                    List<Integer> xs) {
    xs.removeIf(x -> x % 3 == 0);
    return xs.size();
  }

  @Jit
  public static int concurrentModification(@Size(max = 5) List<Integer> xs) {
    List<Integer> copy = new ArrayList<>(xs);
    int n = 0;
    for (Integer x : copy) {
      if (n++ == 1) {
        copy.add(x);
      }
    }
    return n;
  }

  @Jit
  public static int get(@Size(max = 5) List<Integer> xs, @Range(min = -1, max = 6) int i) {
    return xs.get(i);
  }

  @Jit
  public static long deque(int[] xs) {
    Deque<Integer> d = new ArrayDeque<>();
    long r = 0;
    for (int x : xs) {
      if (x % 3 == 0 && !d.isEmpty()) {
        r = r * 7 + d.pop();
      } else if (x % 3 == 1) {
        d.push(x);
      } else {
        d.offerLast(x);
      }
    }
    while (!d.isEmpty()) {
      r = r * 5 + d.pollFirst();
    }
    return r;
  }

  @Jit
  public static String treeMap(@Range(min = -5, max = 20) int[] keys) {
    TreeMap<Integer, String> m = new TreeMap<>();
    for (int k : keys) {
      m.put(k, "v" + k);
    }
    return m.firstKey() + " " + m.lastEntry().getValue() + " " + m.headMap(5) + " "
        + m.descendingMap() + " " + m.ceilingKey(3);
  }

  @Jit
  public static int distinct(@Range(min = -5, max = 5) int[] xs) {
    Set<Integer> seen = new HashSet<>();
    int dups = 0;
    for (int x : xs) {
      if (!seen.add(x)) {
        dups++;
      }
    }
    return seen.size() * 100 + dups;
  }

  @Jit
  public static int nestedLists(@Range(min = -1, max = 8) int n) {
    List<List<Integer>> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<Integer> row = new ArrayList<>();
      for (int j = 0; j <= i; j++) {
        row.add(i == 0 || j == 0 || j == i ? 1 : rows.get(i - 1).get(j - 1)
            + rows.get(i - 1).get(j));
      }
      rows.add(row);
    }
    int s = 0;
    for (List<Integer> row : rows) {
      s = s * 3 + row.get(row.size() / 2);
    }
    return s;
  }

  @Jit
  public static String[] listToArray(@Size(max = 6) List<String> xs) {
    Object[] objects = xs.toArray();
    String[] strings = xs.toArray(new String[0]);
    return objects.length == strings.length ? strings : null;
  }

  @Jit
  public static long mapEntries(@Size(max = 6) Map<String, Integer> m) {
    long h = 0;
    for (Map.Entry<String, Integer> e : m.entrySet()) {
      h = h * 31 + e.getKey().hashCode() * (long) e.getValue();
    }
    for (String k : m.keySet()) {
      h += k.length();
    }
    for (int v : m.values()) {
      h ^= v;
    }
    return h;
  }

  @Jit
  public static int priorityQueue(int[] xs) {
    PriorityQueue<Integer> q = new PriorityQueue<>((a, b) -> Integer.compare(b, a));
    for (int x : xs) {
      q.add(x);
    }
    int r = 0;
    while (q.size() > 1) {
      r = r * 3 + (q.poll() > 0 ? 1 : 2);
    }
    return r;
  }

  @Jit
  public static boolean unmodifiableAdd(@Size(max = 4) List<Integer> xs, int x) {
    List<Integer> view = Collections.unmodifiableList(xs);
    return view.add(x);
  }

  @Jit
  public static int iterable(@Size(max = 8) Iterable<Integer> it) {
    int s = 0;
    for (Integer x : it) {
      s = s * 3 + x;
    }
    return s;
  }

  @Jit
  public static int streams(@Size(max = 10) List<Integer> xs) {
    return xs.stream().mapToInt(Integer::intValue).filter(x -> x > 0).map(x -> x % 1000).sum();
  }

  @Jit
  public static String linkedHashMapOrder(@Size(max = 8) @Strings({"k", "j", "z", "a"})
                                          @NonNull String[] keys) {
    Map<String, Integer> m = new LinkedHashMap<>();
    for (int i = 0; i < keys.length; i++) {
      m.put(keys[i], i);
    }
    m.remove("z");
    return m.toString() + m.keySet();
  }

  @Jit
  public static int listAddRemoveIndex(@Range(min = -1, max = 6) int i) {
    List<Integer> xs = new ArrayList<>(List.of(10, 20, 30, 40));
    xs.add(2, 25);
    int removed = xs.remove(i);
    xs.remove(Integer.valueOf(40));
    return removed * 100 + xs.size() * 10 + xs.indexOf(25);
  }


  /** A user Iterable with an anonymous Iterator: for-each through them. */
  static final class Span implements Iterable<Integer> {
    final int lo;
    final int hi;

    Span(int lo, int hi) {
      this.lo = lo;
      this.hi = hi;
    }

    @Override
    public java.util.Iterator<Integer> iterator() {
      return new java.util.Iterator<>() {
        int next = lo;

        @Override
        public boolean hasNext() {
          return next < hi;
        }

        @Override
        public Integer next() {
          if (next >= hi) {
            throw new java.util.NoSuchElementException("past " + hi);
          }
          return next++;
        }
      };
    }
  }

  @Jit
  public static long customIterable(@Range(min = -3, max = 10) int lo, @Range(min = -3, max = 20) int hi) {
    long s = 0;
    for (int x : new Span(lo, hi)) {
      s = s * 3 + x;
    }
    return s;
  }

  /** Heap pollution: the checkcast javac inserts fails at the read. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  @Jit
  public static int heapPollution(String s) {
    List raw = new ArrayList();
    raw.add(s);
    List<Integer> ints = raw;
    Integer i = ints.get(0);
    return i == null ? -1 : i;
  }
}
