package dev.kiln.cache;

import java.util.Objects;

/**
 * What a cache entry is for: one specialization of one method. Two keys are the same entry if
 * and only if they are equal; the file name is a hash of all of the fields, and the fields are
 * stored in the file too, so a hash collision or a foreign file is a miss, never a wrong hit.
 *
 * @param ownerClass the binary name of the class declaring the method ({@link Class#getName()})
 * @param method the method's name
 * @param descriptor the method's JVM descriptor, e.g. {@code ([D[D)D}
 * @param signature the specialization's signature, e.g. {@code double(double[], double[])}
 * @param options the compile options that change the generated code, in a canonical text form
 *     (empty if none)
 * @param kilnVersion the version of Kiln that generated the code
 * @param jvmFeature the JVM's feature release ({@code Runtime.version().feature()})
 * @param origin where the owner class was loaded from: its jar's or class directory's path
 *     (else its code source's URL), empty if unknown. Two programs with classes of the same name,
 *     or one class run from its jar and from its class directory, so keep apart entries
 *     instead of each finding the other's stale and replacing it.
 */
public record CacheKey(String ownerClass, String method, String descriptor, String signature,
    String options, String kilnVersion, int jvmFeature, String origin) {

  public CacheKey {
    Objects.requireNonNull(ownerClass, "ownerClass");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(descriptor, "descriptor");
    Objects.requireNonNull(signature, "signature");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(kilnVersion, "kilnVersion");
    Objects.requireNonNull(origin, "origin");
    if (ownerClass.isEmpty() || method.isEmpty()) {
      throw new IllegalArgumentException("empty owner class or method name");
    }
  }

  // equals and hashCode written out: a record's generated ones bootstrap method handles, which
  // a warm start cannot afford

  @Override
  public boolean equals(Object o) {
    return o instanceof CacheKey k && ownerClass.equals(k.ownerClass) && method.equals(k.method)
        && descriptor.equals(k.descriptor) && signature.equals(k.signature)
        && options.equals(k.options) && kilnVersion.equals(k.kilnVersion)
        && jvmFeature == k.jvmFeature && origin.equals(k.origin);
  }

  @Override
  public int hashCode() {
    int h = ownerClass.hashCode();
    for (String s : new String[] {method, descriptor, signature, options, kilnVersion, origin}) {
      h = 31 * h + s.hashCode();
    }
    return 31 * h + jvmFeature;
  }

  @Override
  public String toString() {
    return "CacheKey[" + describe() + "]";
  }

  /** A key for the running JVM's feature release, of an owner class from {@code origin}. */
  public static CacheKey of(String ownerClass, String method, String descriptor, String signature,
      String options, String kilnVersion, String origin) {
    return new CacheKey(ownerClass, method, descriptor, signature, options, kilnVersion,
        Runtime.version().feature(), origin);
  }

  /** A short human-readable form, for messages. */
  String describe() {
    return ownerClass + "." + method + descriptor + " as " + signature
        + (options.isEmpty() ? "" : " [" + options + "]")
        + " (kiln " + kilnVersion + ", jdk " + jvmFeature
        + (origin.isEmpty() ? "" : ", from " + origin) + ")";
  }
}
