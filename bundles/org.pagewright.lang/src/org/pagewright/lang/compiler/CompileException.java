package org.pagewright.lang.compiler;

import org.eclipse.emf.ecore.EObject;

/** Thrown inside the compiler to abandon one element; the compiler turns it into a {@link CompileProblem}. */
final class CompileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient EObject where;

    CompileException(EObject where, String message) {
        super(message);
        this.where = where;
    }

    CompileProblem problem() {
        return new CompileProblem(where, getMessage());
    }
}
