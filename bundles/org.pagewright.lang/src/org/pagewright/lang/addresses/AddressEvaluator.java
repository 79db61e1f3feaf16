package org.pagewright.lang.addresses;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.util.OnChangeEvictingCache;
import org.eclipse.xtext.util.Tuples;
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

	/** Evicted on any change of the resource (OnChangeEvictingCache), as Xtext's own scope caches are. */
	private static final OnChangeEvictingCache SHARED = new OnChangeEvictingCache();

	private final Platform platform;
	private final Image image;
	private final Set<EObject> evaluating = new HashSet<>();
	/** Computed values, null included (an unknown value is not recomputed). */
	private final Map<EObject, BigInteger> known = new HashMap<>();

	public AddressEvaluator(Platform platform, Image image) {
		this.platform = platform;
		this.image = image;
	}

	/**
	 * The evaluator of the context's platform and image, shared while the context's resource is unchanged, so that
	 * the validator's many questions about one file compute each symbol once (a 10,000-symbol chain is linear).
	 */
	public static AddressEvaluator forContext(EObject context) {
		Platform platform = LayoutContexts.platformOf(context);
		Image image = LayoutContexts.imageOf(context);
		Resource resource = context == null ? null : context.eResource();
		if (resource == null) {
			return new AddressEvaluator(platform, image);
		}
		return SHARED.get(Tuples.create(AddressEvaluator.class, platform, image), resource,
				() -> new AddressEvaluator(platform, image));
	}

	public Platform platform() {
		return platform;
	}

	public BigInteger valueOf(Expression expression) {
		return evaluate(expression);
	}

	public BigInteger valueOf(Symbol symbol) {
		return symbol == null || symbol.eIsProxy() ? null : evaluate(symbol);
	}

	/**
	 * Post-order evaluation with an explicit stack, so that a 10,000-symbol chain or a 10,000-term sum needs no
	 * deep Java stack; every node is computed once per evaluator (symbols shared by many expressions too). A symbol
	 * met again while it is being computed is a cycle: that reference is unknown.
	 */
	private synchronized BigInteger evaluate(EObject root) {
		Deque<EObject> stack = new ArrayDeque<>();
		Deque<Boolean> expanded = new ArrayDeque<>();
		stack.push(root);
		expanded.push(false);
		while (!stack.isEmpty()) {
			EObject node = stack.pop();
			boolean ready = expanded.pop();
			if (known.containsKey(node)) {
				continue;
			}
			if (ready) {
				evaluating.remove(node);
				known.put(node, compute(node));
				continue;
			}
			if (!evaluating.add(node)) {
				continue; // a cycle (or a pending duplicate): the parent finds no value for it
			}
			stack.push(node);
			expanded.push(true);
			for (EObject child : children(node)) {
				if (child != null && !known.containsKey(child) && !evaluating.contains(child)) {
					stack.push(child);
					expanded.push(false);
				}
			}
		}
		return known.get(root);
	}

	private static List<EObject> children(EObject node) {
		if (node instanceof Symbol symbol) {
			return symbol.getValue() == null ? List.of() : List.of(symbol.getValue());
		}
		if (node instanceof SymbolRef ref) {
			Symbol symbol = ref.getSymbol();
			return symbol == null || symbol.eIsProxy() ? List.of() : List.of(symbol);
		}
		if (node instanceof Sum sum) {
			return java.util.Arrays.asList(sum.getLeft(), sum.getRight());
		}
		if (node instanceof LinearAlias alias) {
			return java.util.Collections.singletonList(alias.getOperand());
		}
		if (node instanceof PageAddress page) {
			return java.util.Collections.singletonList(page.getOperand());
		}
		return List.of();
	}

	/** The value of a node whose children are computed (a child without a value makes it unknown). */
	private BigInteger compute(EObject node) {
		if (node instanceof Literal literal) {
			return literal.getValue();
		}
		if (node instanceof Symbol symbol) {
			return symbol.getValue() == null ? null : known.get(symbol.getValue());
		}
		if (node instanceof SymbolRef ref) {
			Symbol symbol = ref.getSymbol();
			return symbol == null || symbol.eIsProxy() ? null : known.get(symbol);
		}
		if (node instanceof Sum sum) {
			BigInteger left = sum.getLeft() == null ? null : known.get(sum.getLeft());
			BigInteger right = sum.getRight() == null ? null : known.get(sum.getRight());
			if (left == null || right == null) {
				return null;
			}
			return "-".equals(sum.getOp()) ? left.subtract(right) : left.add(right);
		}
		if (node instanceof LinearAlias alias) {
			return alias.getOperand() == null ? null : linearAlias(known.get(alias.getOperand()));
		}
		if (node instanceof PageAddress page) {
			// page_address() of a lowmem page is its linear-map address (page_to_virt, asm/memory.h)
			return page.getOperand() == null ? null : linearAlias(known.get(page.getOperand()));
		}
		return null;
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
