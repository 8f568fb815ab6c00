package dev.kiln.e2e.corpus;

import dev.kiln.Jit;
import dev.kiln.e2e.Range;
import java.lang.invoke.MethodHandles;

/** Sorting in place (the harness compares the arrays afterwards) and searching. */
public final class SortSearchCorpus {
  static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

  private SortSearchCorpus() {}

  @Jit
  public static void insertionSort(int[] a) {
    for (int i = 1; i < a.length; i++) {
      int key = a[i];
      int j = i - 1;
      while (j >= 0 && a[j] > key) {
        a[j + 1] = a[j];
        j--;
      }
      a[j + 1] = key;
    }
  }

  /** Recursive quicksort (Lomuto); NaNs end up wherever the comparisons put them. */
  @Jit
  public static void quickSort(double[] a) {
    quickSort(a, 0, a.length - 1);
  }

  private static void quickSort(double[] a, int lo, int hi) {
    if (lo >= hi) {
      return;
    }
    int p = partition(a, lo, hi);
    quickSort(a, lo, p - 1);
    quickSort(a, p + 1, hi);
  }

  private static int partition(double[] a, int lo, int hi) {
    double pivot = a[hi];
    int i = lo;
    for (int j = lo; j < hi; j++) {
      if (a[j] < pivot) {
        double t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
      }
    }
    double t = a[i];
    a[i] = a[hi];
    a[hi] = t;
    return i;
  }

  @Jit
  public static void heapSort(long[] a) {
    int n = a.length;
    for (int i = n / 2 - 1; i >= 0; i--) {
      siftDown(a, i, n);
    }
    for (int end = n - 1; end > 0; end--) {
      long t = a[0];
      a[0] = a[end];
      a[end] = t;
      siftDown(a, 0, end);
    }
  }

  private static void siftDown(long[] a, int i, int n) {
    while (true) {
      int child = 2 * i + 1;
      if (child >= n) {
        return;
      }
      if (child + 1 < n && a[child + 1] > a[child]) {
        child++;
      }
      if (a[i] >= a[child]) {
        return;
      }
      long t = a[i];
      a[i] = a[child];
      a[child] = t;
      i = child;
    }
  }

  /** Binary search; on an unsorted array it still returns some deterministic index. */
  @Jit
  public static int binarySearch(@Range(min = -5, max = 30) int[] a, @Range(min = -6, max = 31) int key) {
    int lo = 0;
    int hi = a.length - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int v = a[mid];
      if (v < key) {
        lo = mid + 1;
      } else if (v > key) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return -(lo + 1);
  }

  @Jit
  public static int[] mergeSort(int[] a) {
    if (a.length <= 1) {
      int[] r = new int[a.length];
      if (a.length == 1) {
        r[0] = a[0];
      }
      return r;
    }
    int mid = a.length / 2;
    int[] left = new int[mid];
    int[] right = new int[a.length - mid];
    for (int i = 0; i < a.length; i++) {
      if (i < mid) {
        left[i] = a[i];
      } else {
        right[i - mid] = a[i];
      }
    }
    left = mergeSort(left);
    right = mergeSort(right);
    int[] out = new int[a.length];
    int i = 0;
    int j = 0;
    int k = 0;
    while (i < left.length && j < right.length) {
      out[k++] = left[i] <= right[j] ? left[i++] : right[j++];
    }
    while (i < left.length) {
      out[k++] = left[i++];
    }
    while (j < right.length) {
      out[k++] = right[j++];
    }
    return out;
  }

  @Jit
  public static void selectionSort(float[] a) {
    for (int i = 0; i < a.length - 1; i++) {
      int min = i;
      for (int j = i + 1; j < a.length; j++) {
        if (a[j] < a[min]) {
          min = j;
        }
      }
      float t = a[i];
      a[i] = a[min];
      a[min] = t;
    }
  }

  /** Counting sort of values 0..9; other values throw AIOOBE. */
  @Jit
  public static int[] countingSort(@Range(min = -1, max = 9) int[] a) {
    int[] counts = new int[10];
    for (int v : a) {
      counts[v]++;
    }
    int[] out = new int[a.length];
    int k = 0;
    for (int v = 0; v < 10; v++) {
      for (int c = 0; c < counts[v]; c++) {
        out[k++] = v;
      }
    }
    return out;
  }

  @Jit
  public static boolean isSorted(char[] a) {
    for (int i = 1; i < a.length; i++) {
      if (a[i - 1] > a[i]) {
        return false;
      }
    }
    return true;
  }

  @Jit
  public static int lowerBound(long[] a, long key) {
    int lo = 0;
    int hi = a.length;
    while (lo < hi) {
      int mid = lo + (hi - lo) / 2;
      if (a[mid] < key) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Quickselect (Hoare partition, iterative), in place. */
  @Jit
  public static int kthSmallest(int[] a, @Range(min = -1, max = 8) int k) {
    int lo = 0;
    int hi = a.length - 1;
    while (lo < hi) {
      int pivot = a[(lo + hi) >>> 1];
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (a[i] < pivot) {
          i++;
        }
        while (a[j] > pivot) {
          j--;
        }
        if (i <= j) {
          int t = a[i];
          a[i] = a[j];
          a[j] = t;
          i++;
          j--;
        }
      }
      if (k <= j) {
        hi = j;
      } else if (k >= i) {
        lo = i;
      } else {
        break;
      }
    }
    return a[k];
  }

  @Jit
  public static void shellSort(short[] a) {
    for (int gap = a.length / 2; gap > 0; gap /= 2) {
      for (int i = gap; i < a.length; i++) {
        short t = a[i];
        int j = i;
        for (; j >= gap && a[j - gap] > t; j -= gap) {
          a[j] = a[j - gap];
        }
        a[j] = t;
      }
    }
  }

  @Jit
  public static int bubbleSortBytes(byte[] a) {
    int swaps = 0;
    for (int pass = 0; pass < a.length; pass++) {
      boolean any = false;
      for (int i = 0; i + 1 < a.length - pass; i++) {
        if (a[i] > a[i + 1]) {
          byte t = a[i];
          a[i] = a[i + 1];
          a[i + 1] = t;
          any = true;
          swaps++;
        }
      }
      if (!any) {
        break;
      }
    }
    return swaps;
  }

  /** Dutch national flag partition around a pivot, in place; returns the boundaries. */
  @Jit
  public static int dutchFlag(@Range(min = -3, max = 3) int[] a, @Range(min = -2, max = 2) int pivot) {
    int lt = 0;
    int i = 0;
    int gt = a.length - 1;
    while (i <= gt) {
      if (a[i] < pivot) {
        int t = a[lt];
        a[lt++] = a[i];
        a[i++] = t;
      } else if (a[i] > pivot) {
        int t = a[gt];
        a[gt--] = a[i];
        a[i] = t;
      } else {
        i++;
      }
    }
    return lt * 100 + gt;
  }
}
