package org.pagewright.config.run;

import java.util.function.Supplier;

/** A value computed on first use and then kept; safe to read from the UI and a background job at once. */
final class Once<T> implements Supplier<T> {
    private Supplier<T> compute;
    private volatile T value;

    Once(Supplier<T> compute) {
        this.compute = compute;
    }

    @Override
    public T get() {
        T v = value;
        if (v == null) {
            synchronized (this) {
                v = value;
                if (v == null) {
                    v = compute.get();
                    value = v;
                    compute = null; // let what it captured go
                }
            }
        }
        return v;
    }
}
