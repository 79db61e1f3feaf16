package org.pagewright.lang.ide.hover;

import java.math.BigInteger;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.EnumLiteralDeclaration;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.pagewright.lang.addresses.AddressEvaluator;
import org.pagewright.lang.addresses.PlatformFacts;
import org.pagewright.lang.layout.DramBank;
import org.pagewright.lang.layout.Expression;
import org.pagewright.lang.layout.Image;
import org.pagewright.lang.layout.Platform;
import org.pagewright.lang.layout.Range;
import org.pagewright.lang.layout.Symbol;
import org.pagewright.lang.naming.LayoutContexts;

/**
 * Hover text as plain text, for the workbench and the language server alike: an address with its nearest symbol and
 * offset (through the linear alias if it is one), a range with its size in units and pages, a prot or flag with what
 * the kernel means by it.
 */
public class LayoutHoverText {

	/** Prot and flag meanings (arch/arm64/include/asm/pgtable-prot.h, arch/arm64/mm/mmu.c). */
	static final Map<String, String> KERNEL_WORDS = Map.ofEntries(
			Map.entry("PAGE_KERNEL", "PAGE_KERNEL: read-write, never executable (PXN, UXN), Normal memory"),
			Map.entry("PAGE_KERNEL_RO", "PAGE_KERNEL_RO: read-only, never executable"),
			Map.entry("PAGE_KERNEL_ROX", "PAGE_KERNEL_ROX: read-only, executable at EL1 (kernel text)"),
			Map.entry("PAGE_KERNEL_EXEC", "PAGE_KERNEL_EXEC: read-write AND executable at EL1 (text with rodata=off)"),
			Map.entry("pgprot_tagged", "pgprot_tagged(): the same prot with Normal-Tagged memory (MTE)"),
			Map.entry("NO_BLOCK_MAPPINGS", "NO_BLOCK_MAPPINGS: map with pages only, no PMD/PUD blocks"),
			Map.entry("NO_CONT_MAPPINGS", "NO_CONT_MAPPINGS: never set the contiguous hint"),
			Map.entry("NO_EXEC_MAPPINGS", "NO_EXEC_MAPPINGS: set PXNTable on every new table entry"));

	/** The hover text at a character offset, or {@code null} where there is nothing to say. */
	public String textAt(XtextResource resource, int offset) {
		if (resource == null || resource.getParseResult() == null) {
			return null;
		}
		ILeafNode leaf = NodeModelUtils.findLeafNodeAtOffset(resource.getParseResult().getRootNode(), offset);
		if (leaf == null || leaf.isHidden()) {
			return null;
		}
		String word = KERNEL_WORDS.get(leaf.getText());
		if (word != null || leaf.getGrammarElement() instanceof EnumLiteralDeclaration) {
			return word;
		}
		EObject semantic = NodeModelUtils.findActualSemanticObjectFor(leaf);
		while (semantic instanceof Expression && semantic.eContainer() instanceof Expression) {
			semantic = semantic.eContainer();
		}
		if (semantic instanceof Expression expression) {
			return describeAddress(AddressEvaluator.forContext(expression).valueOf(expression), expression);
		}
		if (semantic instanceof Range range) {
			return describeRange(range);
		}
		if (semantic instanceof Symbol symbol) {
			String text = describeAddress(AddressEvaluator.forContext(symbol).valueOf(symbol), symbol);
			return symbol.getSize() == null || text == null ? text : text + "\nsize " + size(symbol.getSize());
		}
		if (semantic instanceof DramBank bank && bank.getBase() != null && bank.getSize() != null) {
			return "DRAM [0x" + hex(bank.getBase()) + ", 0x" + hex(bank.getBase().add(bank.getSize())) + "), "
					+ size(bank.getSize());
		}
		return null;
	}

	String describeRange(Range range) {
		AddressEvaluator evaluator = AddressEvaluator.forContext(range);
		BigInteger[] bounds = evaluator.bounds(range);
		if (bounds == null) {
			return null;
		}
		BigInteger length = bounds[1].subtract(bounds[0]);
		BigInteger page = PlatformFacts.pageSize(evaluator.platform());
		String pages = length.signum() > 0 ? ", " + length.add(page).subtract(BigInteger.ONE).divide(page) + " pages"
				: "";
		return "[0x" + hex(bounds[0]) + ", 0x" + hex(bounds[1]) + "): " + size(length) + pages + "\nstarts at "
				+ nearestSymbol(bounds[0], range);
	}

	String describeAddress(BigInteger address, EObject context) {
		if (address == null) {
			return null;
		}
		return "0x" + hex(address) + " = " + nearestSymbol(address, context);
	}

	/** `sym + 0x40`, or `linear alias of sym + 0x40 (phys 0x…)` for a linear-map address. */
	String nearestSymbol(BigInteger address, EObject context) {
		Platform platform = LayoutContexts.platformOf(context);
		Image image = LayoutContexts.imageOf(context);
		AddressEvaluator evaluator = new AddressEvaluator(platform, image);
		String prefix = "";
		BigInteger kernelVa = address;
		if (evaluator.isLinear(address) && PlatformFacts.physOffset(platform) != null && image != null
				&& image.getPhys() != null && image.getVirt() != null) {
			BigInteger phys = address.subtract(PlatformFacts.pageOffset(platform)).add(PlatformFacts.physOffset(platform))
					.mod(PlatformFacts.TWO_TO_64);
			prefix = "linear alias (phys 0x" + hex(phys) + ") of ";
			kernelVa = phys.add(image.getVirt().subtract(image.getPhys()));
		}
		Symbol best = null;
		BigInteger bestValue = null;
		if (image != null) {
			for (Symbol symbol : image.getSymbols()) {
				BigInteger value = evaluator.valueOf(symbol);
				if (value != null && value.compareTo(kernelVa) <= 0 && (bestValue == null || value.compareTo(bestValue) > 0)) {
					best = symbol;
					bestValue = value;
				}
			}
		}
		if (best == null) {
			return prefix.isEmpty() ? "no symbol below it" : prefix + "0x" + hex(kernelVa);
		}
		BigInteger delta = kernelVa.subtract(bestValue);
		return prefix + best.getName() + (delta.signum() == 0 ? "" : " + 0x" + hex(delta) + " (" + size(delta) + ")");
	}

	/** A size in the largest binary unit that divides it: 64K, 2M, 1G; else bytes. */
	public static String size(BigInteger bytes) {
		String[] units = { "T", "G", "M", "K" };
		for (int i = 0; i < units.length; i++) {
			BigInteger unit = BigInteger.ONE.shiftLeft(10 * (units.length - i));
			if (bytes.signum() != 0 && bytes.mod(unit).signum() == 0) {
				return bytes.divide(unit) + units[i];
			}
		}
		return bytes + " bytes";
	}

	private static String hex(BigInteger value) {
		return value.toString(16);
	}
}
