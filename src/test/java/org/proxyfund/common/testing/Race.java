package org.proxyfund.common.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** Starts {@code n} actions at the same moment (a barrier releases them together) and collects their results. */
public final class Race {

    private Race() {
    }

    public static <T> List<T> run(ExecutorService pool, int n, IntFunction<T> action) throws Exception {
        CyclicBarrier start = new CyclicBarrier(n);
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = i;
            futures.add(pool.submit(() -> {
                start.await(60, TimeUnit.SECONDS);
                return action.apply(k);
            }));
        }
        List<T> out = new ArrayList<>();
        for (Future<T> f : futures) {
            out.add(f.get(180, TimeUnit.SECONDS));
        }
        return out;
    }
}
