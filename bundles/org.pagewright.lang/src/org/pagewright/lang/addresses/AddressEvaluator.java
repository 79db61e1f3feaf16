package org.pagewright.lang.addresses;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
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
	 * the validator's many questions about one file compute each symbol once (a 10,000-symbol chain is linear). The
	 * platform and image follow from the top-level element the context is in, so they are looked up once per element.
	 */
	public static AddressEvaluator forContext(EObject context) {
		Resource resource = context == null ? null : context.eResource();
		if (resource == null) {
			return new AddressEvaluator(LayoutContexts.platformOf(context), LayoutContexts.imageOf(context));
		}
		return SHARED.get(Tuples.create(AddressEvaluator.class, LayoutContexts.topLevel(context)), resource, () -> {
			Platform platform = LayoutContexts.platformOf(context);
			Image image = LayoutContexts.imageOf(context);
			return SHARED.get(Tuples.create(AddressEvaluator.class, platform, image), resource,
					() -> new AddressEvaluator(platform, image));
		});
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
	 * Post-order evaluation with an explicit stack of nodes and one of values, so that a 10,000-symbol chain or a
	 * 10,000-term sum needs no deep Java stack. Symbols (shared by many expressions) and the expressions asked for
	 * are remembered per evaluator; the nodes between are not, which keeps a file's evaluation to one pass over its
	 * expressions without a map entry per node. A symbol met again while it is being computed is a cycle: that
	 * reference is unknown.
	 */
	private synchronized BigInteger evaluate(EObject root) {
		BigInteger computed = known.get(root);
		if (computed != null || known.containsKey(root)) {
			return computed;
		}
		BigInteger direct = root == null ? NOT_DIRECT : direct(root, DIRECT_DEPTH);
		if (direct != NOT_DIRECT) {
			known.put(root, direct);
			return direct;
		}
		Deque<EObject> nodes = new ArrayDeque<>();
		Deque<Boolean> ready = new ArrayDeque<>();
		List<BigInteger> values = new ArrayList<>();
		nodes.push(root);
		ready.push(false);
		while (!nodes.isEmpty()) {
			EObject node = nodes.pop();
			if (ready.pop()) {
				List<BigInteger> operands = values.subList(values.size() - arity(node), values.size());
				BigInteger value = compute(node, operands);
				operands.clear();
				if (node instanceof Symbol) {
					evaluating.remove(node);
					known.put(node, value);
				}
				values.add(value);
				continue;
			}
			if (node == UNKNOWN) {
				values.add(null); // a missing operand (a syntax error) or an unresolved symbol
				continue;
			}
			if (node instanceof Symbol && (known.containsKey(node) || !evaluating.add(node))) {
				values.add(known.get(node)); // computed before, or a cycle: unknown
				continue;
			}
			nodes.push(node);
			ready.push(true);
			List<EObject> children = children(node);
			for (int i = children.size() - 1; i >= 0; i--) { // the first operand is computed first
				nodes.push(children.get(i) == null ? UNKNOWN : children.get(i));
				ready.push(false);
			}
		}
		BigInteger value = values.get(0);
		known.put(root, value);
		return value;
	}

	/** How deep {@link #direct} goes: the expressions of a file are mostly a literal, a symbol, a sum or an alias of them. */
	private static final int DIRECT_DEPTH = 8;

	/** {@link #direct}'s answer when it cannot tell (compared by identity: not a value). */
	private static final BigInteger NOT_DIRECT = new BigInteger("0");

	/**
	 * The value of a shallow expression over symbols already computed, or NOT_DIRECT when it meets a symbol not yet
	 * computed, a node it does not know or more than {@code depth} levels: then {@link #evaluate} computes it with
	 * its stacks. The same value (computed symbols are final, so nothing is left to detect), without allocating two
	 * stacks and a list for each of the 100,000 expressions of a large file.
	 */
	private BigInteger direct(EObject node, int depth) {
		if (node == null) {
			return null; // a missing operand
		}
		if (node instanceof Literal literal) {
			return literal.getValue();
		}
		if (depth == 0) {
			return NOT_DIRECT;
		}
		if (node instanceof SymbolRef ref) {
			Symbol symbol = ref.getSymbol();
			if (symbol == null || symbol.eIsProxy()) {
				return null; // unresolved
			}
			BigInteger value = known.get(symbol);
			return value != null || known.containsKey(symbol) ? value : NOT_DIRECT;
		}
		if (node instanceof Sum sum) {
			BigInteger left = direct(sum.getLeft(), depth - 1);
			BigInteger right = left == NOT_DIRECT ? NOT_DIRECT : direct(sum.getRight(), depth - 1);
			return right == NOT_DIRECT ? NOT_DIRECT : compute(sum, java.util.Arrays.asList(left, right));
		}
		if (node instanceof LinearAlias || node instanceof PageAddress) {
			BigInteger operand = direct(children(node).get(0), depth - 1);
			return operand == NOT_DIRECT ? NOT_DIRECT : compute(node, java.util.Collections.singletonList(operand));
		}
		return NOT_DIRECT;
	}

	/** Stands for an operand that is not there, on the node stack (which takes no null). */
	private static final EObject UNKNOWN = org.eclipse.emf.ecore.EcoreFactory.eINSTANCE.createEObject();

	private static int arity(EObject node) {
		return node instanceof Sum ? 2
				: node instanceof Symbol || node instanceof SymbolRef || node instanceof LinearAlias
						|| node instanceof PageAddress ? 1 : 0;
	}

	/** The operands of a node, {@link #arity} of them (null for one that is missing or unresolved). */
	private static List<EObject> children(EObject node) {
		if (node instanceof Symbol symbol) {
			return java.util.Collections.singletonList(symbol.getValue());
		}
		if (node instanceof SymbolRef ref) {
			Symbol symbol = ref.getSymbol();
			return java.util.Collections.singletonList(symbol == null || symbol.eIsProxy() ? null : symbol);
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

	/** The value of a node from its operands' values (an operand without a value makes it unknown). */
	private BigInteger compute(EObject node, List<BigInteger> operands) {
		if (node instanceof Literal literal) {
			return literal.getValue();
		}
		if (operands.contains(null)) {
			return null;
		}
		if (node instanceof Symbol || node instanceof SymbolRef) {
			return operands.get(0);
		}
		if (node instanceof Sum sum) {
			return "-".equals(sum.getOp()) ? operands.get(0).subtract(operands.get(1)) : operands.get(0).add(operands.get(1));
		}
		if (node instanceof LinearAlias || node instanceof PageAddress) {
			// page_address() of a lowmem page is its linear-map address (page_to_virt, asm/memory.h)
			return linearAlias(operands.get(0));
		}
		return null;
	}

	/** {@code [start, end)} of a range, with {@code +size} and {@code lm_alias[…)} applied; {@code null} if unknown. */
	public BigInteger[] bounds(Range range) {
		BigInteger[] bounds = boundsBeforeAlias(range);
		if (bounds == null || !range.isLinearAlias()) {
			return bounds;
		}
		BigInteger start = linearAlias(bounds[0]);
		BigInteger end = linearAlias(bounds[1]);
		return start == null || end == null ? null : new BigInteger[] { start, end };
	}

	/**
	 * {@code [start, end)} of a range with {@code +size} applied but not {@code lm_alias[…)}: the alias moves both
	 * bounds by one offset, so the order of the bounds (an empty range) is known without a platform.
	 */
	public BigInteger[] boundsBeforeAlias(Range range) {
		BigInteger start = valueOf(range.getStart());
		BigInteger end = valueOf(range.getEnd());
		if (start == null || end == null) {
			return null;
		}
		return new BigInteger[] { start, range.isSized() ? start.add(end) : end };
	}

	/** lm_alias(x) = __va(__pa_symbol(x)): kernel VA → phys through kimage_voffset → linear map (asm/memory.h). */
	public BigInteger linearAlias(BigInteger kernelVa) {
		BigInteger offset = aliasOffset();
		return kernelVa == null || offset == null ? null : kernelVa.add(offset).mod(PlatformFacts.TWO_TO_64);
	}

	private boolean aliasOffsetKnown;
	private BigInteger aliasOffset;

	/** PAGE_OFFSET - PHYS_OFFSET - kimage_voffset, once per evaluator (which lives while the file is unchanged). */
	private synchronized BigInteger aliasOffset() {
		if (!aliasOffsetKnown) {
			BigInteger textPhys = physOfKernelSymbol(BigInteger.ZERO);
			BigInteger physOffset = PlatformFacts.physOffset(platform);
			aliasOffset = textPhys == null || physOffset == null || platform == null ? null
					: textPhys.subtract(physOffset).add(PlatformFacts.pageOffset(platform));
			aliasOffsetKnown = true;
		}
		return aliasOffset;
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
