package org.pagewright.arm64.kernel;

import java.util.List;
import org.pagewright.arm64.op.Operation;

/** One kernel function, expanded into the primitive operations it performs on this boot. */
@FunctionalInterface
public interface Recipe {
    List<Operation> operations(Boot boot);
}
