package org.pagewright.lang;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Runs the recursive parts of the pipeline (the ANTLR parser's descent into 3,000 nested parentheses, EMF's
 * validation of a 10,000-term sum, which the grammar nests left-deep) on a thread with a large stack, so that deep
 * input nests the stack, not the JVM's default 1 MiB. Re-entrant: on such a thread it runs inline. Beyond this, the
 * validator's depth limit (MAX_DEPTH) refuses the input with a located error.
 */
public final class DeepStack {
	/** Stack of the worker thread: reserved address space, committed only as deep as it is used. */
	private static final long STACK_BYTES = 512L << 20;

	private static final ThreadLocal<Boolean> ON_DEEP_STACK = ThreadLocal.withInitial(() -> false);

	private DeepStack() {
	}

	public static <T> T call(Supplier<T> work) {
		return ON_DEEP_STACK.get() ? work.get() : onFreshThread(work);
	}

	/**
	 * Runs {@code work} on a new deep-stack thread and waits for it, even from such a thread: Xtext's declarative
	 * validators keep their state per thread, so validating an imported file from inside a check must not run on
	 * the checking thread (a validator met again there throws "State is already assigned").
	 */
	public static <T> T onFreshThread(Supplier<T> work) {
		AtomicReference<T> result = new AtomicReference<>();
		AtomicReference<Throwable> failure = new AtomicReference<>();
		Thread worker = new Thread(null, () -> {
			ON_DEEP_STACK.set(true);
			try {
				result.set(work.get());
			} catch (Throwable t) {
				failure.set(t);
			}
		}, "pagewright-deep-stack", STACK_BYTES);
		worker.start();
		boolean interrupted = false;
		while (true) {
			try {
				worker.join();
				break;
			} catch (InterruptedException e) {
				interrupted = true; // the work cannot be abandoned halfway; finish it, then restore the flag
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
		Throwable t = failure.get();
		if (t instanceof RuntimeException r) {
			throw r;
		}
		if (t instanceof Error e) {
			throw e;
		}
		if (t != null) {
			throw new IllegalStateException(t);
		}
		return result.get();
	}
}
