package org.pagewright.lang.compiler;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.pagewright.arm64.layout.KernelVaLayout;
import org.pagewright.lang.layout.Expression;
import org.pagewright.lang.layout.LinearAlias;
import org.pagewright.lang.layout.Literal;
import org.pagewright.lang.layout.PageAddress;
import org.pagewright.lang.layout.Range;
import org.pagewright.lang.layout.Sum;
import org.pagewright.lang.layout.Symbol;
import org.pagewright.lang.layout.SymbolRef;

/**
 * Turns address expressions into numbers as the kernel's macros would: symbols are kernel-image VAs,
 * {@code lm_alias(x)} = __va(__pa_symbol(x)), {@code page_address(x)} = the linear-map address of x's page.
 */
final class AddressResolver {
    private static final BigInteger MAX = BigInteger.ONE.shiftLeft(64);

    private final KernelVaLayout layout;
    private final long physOffset;
    private final Long kimageVoffset; // null when the image has no load addresses
    private final Set<Symbol> resolving = new HashSet<>();
    /** Each symbol's value once computed: a 10,000-symbol chain is resolved in linear time, not quadratic. */
    private final Map<Symbol, Long> known = new HashMap<>();

    AddressResolver(KernelVaLayout layout, long physOffset, Long kimageVoffset) {
        this.layout = layout;
        this.physOffset = physOffset;
        this.kimageVoffset = kimageVoffset;
    }

    long value(Expression e) {
        return switch (e) {
            case Literal l -> literal(l, l.getValue());
            case SymbolRef r -> symbol(r);
            case Sum s -> "-".equals(s.getOp()) ? value(s.getLeft()) - value(s.getRight())
                    : value(s.getLeft()) + value(s.getRight());
            case LinearAlias a -> lmAlias(a, value(a.getOperand()));
            case PageAddress p -> pageAddress(p, value(p.getOperand()));
            default -> throw new CompileException(e, "cannot evaluate " + e.eClass().getName());
        };
    }

    /** [start, end) of a range, with {@code lm_alias[...]} and {@code [a, +size)} applied. */
    long[] range(Range r) {
        long start = value(r.getStart());
        long end = r.isSized() ? start + value(r.getEnd()) : value(r.getEnd());
        if (r.isLinearAlias()) {
            long size = end - start;
            start = lmAlias(r, start);
            end = start + size;
        }
        // an end of 0 is 2^64: [0xffff_ffff_fc00_0000, +64M) ends at the top of the address space, as the engine's walk reads it
        if (end != 0 && Long.compareUnsigned(end, start) < 0) {
            throw new CompileException(r, String.format("range ends (0x%x) before it starts (0x%x)", end, start));
        }
        return new long[] {start, end};
    }

    /** __pa_symbol for image addresses, __pa for linear ones. */
    long physical(org.eclipse.emf.ecore.EObject where, long va) {
        if (isLinear(va)) {
            return layout.linearToPhys(va, physOffset);
        }
        if (kimageVoffset == null) {
            throw new CompileException(where, String.format("0x%016x is an image address, but the image has no "
                    + "'load phys … virt …' to turn it into a physical address", va));
        }
        return va - kimageVoffset;
    }

    private long lmAlias(org.eclipse.emf.ecore.EObject where, long va) {
        if (isLinear(va)) {
            throw new CompileException(where, String.format("lm_alias of 0x%016x, which is already a linear-map address", va));
        }
        return layout.physToVirt(physical(where, va), physOffset);
    }

    private long pageAddress(PageAddress where, long va) {
        long page = va & -layout.geometry().pageSize();
        return isLinear(page) ? page : lmAlias(where, page);
    }

    private boolean isLinear(long va) {
        return Long.compareUnsigned(va, layout.pageOffset()) >= 0 && Long.compareUnsigned(va, layout.pageEnd()) < 0;
    }

    private long symbol(SymbolRef ref) {
        Symbol s = ref.getSymbol();
        if (s == null || s.eIsProxy()) {
            throw new CompileException(ref, "unresolved symbol");
        }
        Long value = known.get(s);
        if (value != null) {
            return value;
        }
        if (!resolving.add(s)) {
            throw new CompileException(ref, "symbol " + s.getName() + " is defined in terms of itself");
        }
        try {
            long v = value(s.getValue());
            known.put(s, v);
            return v;
        } finally {
            resolving.remove(s);
        }
    }

    private static long literal(Literal where, BigInteger v) {
        if (v == null || v.signum() < 0 || v.compareTo(MAX) >= 0) {
            throw new CompileException(where, "not an unsigned 64-bit value: " + v);
        }
        return v.longValue();
    }
}
