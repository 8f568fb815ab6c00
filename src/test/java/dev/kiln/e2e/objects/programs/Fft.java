package dev.kiln.e2e.objects.programs;

import dev.kiln.Jit;
import java.lang.invoke.MethodHandles;

/** A recursive radix-2 Cooley-Tukey FFT over a small immutable {@link Complex} class, and its
 * inverse; the entry point transforms a signal and transforms it back. */
public final class Fft {
  static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

  private Fft() {}

  public static final class Complex {
    final double re;
    final double im;

    public Complex(double re, double im) {
      this.re = re;
      this.im = im;
    }

    Complex plus(Complex o) {
      return new Complex(re + o.re, im + o.im);
    }

    Complex minus(Complex o) {
      return new Complex(re - o.re, im - o.im);
    }

    Complex times(Complex o) {
      return new Complex(re * o.re - im * o.im, re * o.im + im * o.re);
    }

    Complex conjugate() {
      return new Complex(re, -im);
    }

    Complex scale(double k) {
      return new Complex(re * k, im * k);
    }

    double abs() {
      return Math.hypot(re, im);
    }
  }

  static Complex[] fft(Complex[] x) {
    int n = x.length;
    if (n == 1) {
      return new Complex[] {x[0]};
    }
    if (n % 2 != 0) {
      throw new IllegalArgumentException("length " + n + " is not a power of 2");
    }
    Complex[] half = new Complex[n / 2];
    for (int k = 0; k < n / 2; k++) {
      half[k] = x[2 * k];
    }
    Complex[] even = fft(half);
    for (int k = 0; k < n / 2; k++) {
      half[k] = x[2 * k + 1];
    }
    Complex[] odd = fft(half);
    Complex[] y = new Complex[n];
    for (int k = 0; k < n / 2; k++) {
      double angle = -2 * k * Math.PI / n;
      Complex w = new Complex(Math.cos(angle), Math.sin(angle)).times(odd[k]);
      y[k] = even[k].plus(w);
      y[k + n / 2] = even[k].minus(w);
    }
    return y;
  }

  static Complex[] inverse(Complex[] y) {
    int n = y.length;
    Complex[] c = new Complex[n];
    for (int i = 0; i < n; i++) {
      c[i] = y[i].conjugate();
    }
    c = fft(c);
    for (int i = 0; i < n; i++) {
      c[i] = c[i].conjugate().scale(1.0 / n);
    }
    return c;
  }

  /** Magnitudes of the spectrum of a test signal of length {@code n}, then the largest
   * round-trip error as the last element. */
  @Jit
  public static double[] spectrum(int n) {
    Complex[] x = new Complex[n];
    for (int i = 0; i < n; i++) {
      double t = (double) i / n;
      x[i] = new Complex(Math.sin(2 * Math.PI * 5 * t) + 0.5 * Math.cos(2 * Math.PI * 12 * t)
          + (i % 7) * 0.01, 0);
    }
    Complex[] y = fft(x);
    Complex[] back = inverse(y);
    double[] out = new double[n + 1];
    double err = 0;
    for (int i = 0; i < n; i++) {
      out[i] = y[i].abs();
      err = Math.max(err, back[i].minus(x[i]).abs());
    }
    out[n] = err;
    return out;
  }
}
