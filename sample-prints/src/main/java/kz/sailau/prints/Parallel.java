package kz.sailau.prints;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/** Runs independent indexed tasks on all processors and collects results in index order. */
final class Parallel {

    private Parallel() {
    }

    static <T> List<T> map(int count, IntFunction<T> task) {
        int threads = Math.max(1, Math.min(count, Runtime.getRuntime().availableProcessors()));
        Object[] results = new Object[count];
        if (threads <= 1) {
            for (int i = 0; i < count; i++) {
                results[i] = task.apply(i);
            }
        } else {
            AtomicInteger next = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
                Thread thread = new Thread(runnable, "sample-prints-worker");
                thread.setDaemon(true);
                return thread;
            });
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    futures.add(pool.submit(() -> {
                        for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                            results[i] = task.apply(i);
                        }
                    }));
                }
                for (Future<?> future : futures) {
                    future.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while generating", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (cause instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException("generation failed", cause);
            } finally {
                pool.shutdownNow();
            }
        }
        @SuppressWarnings("unchecked")
        List<T> list = (List<T>) Arrays.asList(results);
        return List.copyOf(list);
    }
}
