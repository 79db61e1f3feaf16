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
			Map.entry("NO_EXEC_MAPPINGS", "NO_EXEC_MAPPINGS: set PXNTable on every new table entry"),
			// what the tables look like (ARM ARM D8.3 descriptor formats, arch/arm64/mm/ptdump.c)
			Map.entry("has", "RANGE has BITS: every leaf over the range has each bit (an unmapped part fails)"),
			Map.entry("lacks", "RANGE lacks BITS: no leaf over the range has any of the bits (unmapped parts lack all)"),
			Map.entry("block-mapped", "block-mapped [at level N]: valid blocks (PMD, or PUD with 4K pages) map every part of the range"),
			Map.entry("page-mapped", "page-mapped: valid level 3 pages map every part of the range"),
			Map.entry("present-invalid", "present-invalid: valid bit clear, pte_present() still true (PTE_PRESENT_INVALID = nG, 7.0.1+)"),
			Map.entry("unmapped", "unmapped: no present entry over any part of the range"),
			Map.entry("nG", "nG (bit 11): not global, ASID-tagged (KPTI); with the valid bit clear: PTE_PRESENT_INVALID"),
			Map.entry("CONT", "CONT (bit 52): part of a contiguous group (CONT_PTES / CONT_PMDS entries)"),
			Map.entry("BLK", "BLK: a block, i.e. a leaf above level 3 (ptdump prints BLK when the table bit is clear)"),
			Map.entry("PXNTable", "PXNTable (bit 59 of a table entry): nothing below executes at EL1 (NO_EXEC_MAPPINGS)"),
			Map.entry("UXNTable", "UXNTable (bit 60 of a table entry): nothing below executes at EL0"),
			Map.entry("tagged", "tagged: AttrIndx = MT_NORMAL_TAGGED (pgprot_tagged, MTE), ptdump MEM/NORMAL-TAGGED"),
			Map.entry("DBM", "DBM (bit 51): dirty-bit modifier, Linux's PTE_WRITE"),
			Map.entry("PXN", "PXN (bit 53): EL1 cannot execute"),
			Map.entry("UXN", "UXN (bit 54): EL0 cannot execute"),
			Map.entry("AF", "AF (bit 10): access flag"),
			Map.entry("RDONLY", "RDONLY (AP[2], bit 7): read-only at EL1 (ptdump ro)"),
			Map.entry("mapped", "mapped as \"WORDS\": the leaf mapping the address prints these ptdump attribute words"),
			Map.entry("contains", "ptdump contains \"LINE\": a kernel_page_tables line contains this text (spaces compared as one)"),
			Map.entry("section", "ptdump section \"NAME\" lines CMP N: the range lines between the marker NAME (or NAME start) and the next"),
			Map.entry("no_writable_alias", "no_writable_alias RANGE: no alias of the range's physical pages is writable, leaf run by leaf run"),
			Map.entry("no_executable_alias", "no_executable_alias RANGE: no alias of the range's physical pages is executable at EL1"),
			Map.entry("block", "ok … block: the access goes through a block (a leaf above level 3)"),
			Map.entry("page", "ok … page: the access goes through a level 3 page"),
			Map.entry("cont", "ok … cont: the access goes through an entry with the contiguous bit"),
			Map.entry("pa", "ok … pa P: the access reaches exactly this physical address"),
			Map.entry("cont_groups_consistent", "cont_groups_consistent RANGE: every contiguous group over the range is whole, "
					+ "valid alike and alike in attributes (a mixed group is CONSTRAINED UNPREDICTABLE)"),
			Map.entry("pages", "split … to pages: a CONT-PTE group was split (split_contpte), leaving plain pages"),
			Map.entry("einval", "einval: the kernel function returns -EINVAL (e.g. a partial block without BBML2-noabort)"),
			Map.entry("warn", "STEP expect warn: the kernel WARNs while doing the step"),
			Map.entry("bug", "STEP expect bug: the kernel BUGs on the step (the run still fails on any BUG not expected)"),
			Map.entry("table_pages", "table_pages CMP N, or table_pages [CMP] +N: the table pages in use, or their change against "
					+ "the same phase of the previous revision (the baseline: the phase before)"));

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
