package dev.kiln.cache;

/**
 * A snapshot of a {@link ClassCache}'s counters.
 *
 * @param hits loads that returned an entry
 * @param misses loads that returned nothing (including the rejected ones)
 * @param rejected loads that found a file but refused it: corrupt, truncated, foreign, stale
 * @param stores entries written
 * @param storeFailures entries that could not be written (reported on System.err)
 */
public record CacheStats(long hits, long misses, long rejected, long stores, long storeFailures) {}
