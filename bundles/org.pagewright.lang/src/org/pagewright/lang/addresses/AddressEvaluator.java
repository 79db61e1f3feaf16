package org.pagewright.lang.addresses;

import java.math.BigInteger;
import java.util.HashSet;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;
import org.pagewright.lang.layout.Expression;
import org.pagewright.lang.layout.Image;
import org.pagewright.lang.layout.LinearAlias;
import org.pagewright.lang.layout.Literal;
import org.pagewright.lang.layout.PageAddress;
import org.pagewright.lang.layout.Platform;
import org.pagewright.lang.layout.Range;
import org.pagewright.lang.layout.Sum;
import org.pagewright.lang.layout.Symbol;
import org.pagewright.lang.layout.SymbolRef;
import org.pagewright.lang.naming.LayoutContexts;

/**
 * Evaluates address expressions as the kernel computes them. Every method returns {@code null} when a value is not
 * known (an unresolved symbol, a cycle, no platform for {@code lm_alias}) so callers report nothing rather than guess.
 */
public final class AddressEvaluator {

	private final Platform platform;
	private final Image image;
	private final Set<Symbol> evaluating = new HashSet<>();

	public AddressEvaluator(Platform platform, Image image) {
		this.platform = platform;
		this.image = image;
	}

	public static AddressEvaluator forContext(EObject context) {
		return new AddressEvaluator(LayoutContexts.platformOf(context), LayoutContexts.imageOf(context));
	}

	public Platform platform() {
		return platform;
	}

	public BigInteger valueOf(Expression expression) {
		if (expression instanceof Literal literal) {
			return literal.getValue();
		}
		if (expression instanceof SymbolRef ref) {
			return valueOf(ref.getSymbol());
		}
		if (expression instanceof Sum sum) {
			BigInteger left = valueOf(sum.getLeft());
			BigInteger right = valueOf(sum.getRight());
			if (left == null || right == null) {
				return null;
			}
			return "-".equals(sum.getOp()) ? left.subtract(right) : left.add(right);
		}
		if (expression instanceof LinearAlias alias) {
			return linearAlias(valueOf(alias.getOperand()));
		}
		if (expression instanceof PageAddress page) {
			// page_address() of a lowmem page is its linear-map address (page_to_virt, asm/memory.h)
			return linearAlias(valueOf(page.getOperand()));
		}
		return null;
	}

	public BigInteger valueOf(Symbol symbol) {
		if (symbol == null || symbol.eIsProxy() || !evaluating.add(symbol)) {
			return null;
		}
		try {
			return valueOf(symbol.getValue());
		} finally {
			evaluating.remove(symbol);
		}
	}

	/** {@code [start, end)} of a range, with {@code +size} and {@code lm_alias[…)} applied; {@code null} if unknown. */
	public BigInteger[] bounds(Range range) {
		BigInteger start = valueOf(range.getStart());
		BigInteger end = valueOf(range.getEnd());
		if (start == null || end == null) {
			return null;
		}
		if (range.isSized()) {
			end = start.add(end);
		}
		if (range.isLinearAlias()) {
			start = linearAlias(start);
			end = linearAlias(end);
			if (start == null || end == null) {
				return null;
			}
		}
		return new BigInteger[] { start, end };
	}

	/** lm_alias(x) = __va(__pa_symbol(x)): kernel VA → phys through kimage_voffset → linear map (asm/memory.h). */
	public BigInteger linearAlias(BigInteger kernelVa) {
		BigInteger phys = physOfKernelSymbol(kernelVa);
		BigInteger physOffset = PlatformFacts.physOffset(platform);
		if (phys == null || physOffset == null || platform == null) {
			return null;
		}
		return phys.subtract(physOffset).add(PlatformFacts.pageOffset(platform)).mod(PlatformFacts.TWO_TO_64);
	}

	/** __pa_symbol(x) = x - kimage_voffset, kimage_voffset = load virt - load phys. */
	public BigInteger physOfKernelSymbol(BigInteger kernelVa) {
		if (kernelVa == null || image == null || image.getPhys() == null || image.getVirt() == null) {
			return null;
		}
		return kernelVa.subtract(image.getVirt().subtract(image.getPhys()));
	}

	/** Whether a VA lies in the linear map [PAGE_OFFSET, PAGE_END). */
	public boolean isLinear(BigInteger va) {
		return platform != null && va != null && va.compareTo(PlatformFacts.pageOffset(platform)) >= 0
				&& va.compareTo(PlatformFacts.pageEnd(platform)) < 0;
	}
}
