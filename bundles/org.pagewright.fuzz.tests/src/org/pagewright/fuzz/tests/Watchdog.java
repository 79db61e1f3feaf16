package org.pagewright.fuzz.tests;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/** Runs one input with a deadline; an input past it is a hang (its thread is abandoned, as a daemon). */
final class Watchdog {
	private final long limitMillis;
	private ExecutorService worker = newWorker();

	Watchdog(long limitMillis) {
		this.limitMillis = limitMillis;
	}

	/** The outcome, or null if the input did not finish within the limit. */
	<T> T run(Supplier<T> work) {
		Future<T> future = worker.submit(work::get);
		try {
			return future.get(limitMillis, TimeUnit.MILLISECONDS);
		} catch (TimeoutException hang) {
			future.cancel(true);
			worker.shutdownNow();
			worker = newWorker();
			return null;
		} catch (ExecutionException e) {
			throw new IllegalStateException("the pipeline records every Throwable itself", e.getCause());
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static ExecutorService newWorker() {
		return Executors.newSingleThreadExecutor(r -> {
			Thread t = new Thread(r, "fuzz-input");
			t.setDaemon(true);
			return t;
		});
	}
}
