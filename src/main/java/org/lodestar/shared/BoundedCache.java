package org.lodestar.shared;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * A small in-memory cache that keeps at most a fixed number of entries, dropping the least recently used. A value is
 * computed once however many requests ask for it at the same time: the others wait for it, so that fifty visitors
 * arriving after a change cost one computation, not fifty. Keys carry a version (see {@link DistrictChanges}), so
 * entries are never invalidated, only outdated and then evicted.
 */
public final class BoundedCache<K, V> {

    private final Map<K, CompletableFuture<V>> entries;

    public BoundedCache(int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive");
        }
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, CompletableFuture<V>> eldest) {
                return size() > maxEntries;
            }
        };
    }

    /** The cached value for the key, or the one {@code compute} returns (cached unless it throws). */
    public V get(K key, Supplier<V> compute) {
        CompletableFuture<V> future;
        boolean mine = false;
        synchronized (entries) {
            future = entries.get(key);
            if (future == null) {
                future = new CompletableFuture<>();
                entries.put(key, future);
                mine = true;
            }
        }
        if (mine) {
            try {
                future.complete(compute.get());
            } catch (RuntimeException | Error e) {
                // a failure is not remembered: the next request tries again
                synchronized (entries) {
                    entries.remove(key, future);
                }
                future.completeExceptionally(e);
                throw e;
            }
        }
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }

    /** The value kept for the key, if one was computed already; null otherwise (nothing is computed). */
    public V getIfPresent(K key) {
        CompletableFuture<V> future;
        synchronized (entries) {
            future = entries.get(key);
        }
        return future != null && future.isDone() && !future.isCompletedExceptionally() ? future.join() : null;
    }

    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }
}
