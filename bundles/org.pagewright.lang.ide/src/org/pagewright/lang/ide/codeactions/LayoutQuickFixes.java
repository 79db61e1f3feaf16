package org.pagewright.lang.ide.codeactions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.xtext.CrossReference;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.scoping.IScopeProvider;
import org.pagewright.arm64.Geometry;
import org.pagewright.arm64.GeometryResult;
import org.pagewright.arm64.Granule;
import org.pagewright.arm64.KernelVersion;
import org.pagewright.lang.addresses.MmCmdlineWords;
import org.pagewright.lang.addresses.PlatformFacts;
import org.pagewright.lang.layout.Checks;
import org.pagewright.lang.layout.CmdlineWord;
import org.pagewright.lang.layout.CpuSetting;
import org.pagewright.lang.layout.Patch;
import org.pagewright.lang.layout.Platform;
import org.pagewright.lang.layout.Series;
import org.pagewright.lang.layout.VaBitsSetting;
import org.pagewright.lang.naming.LayoutContexts;
import org.pagewright.lang.validation.CallKeywords;
import org.pagewright.lang.validation.LayoutIssueCodes;
import org.pagewright.lang.validation.PtdumpWords;

import com.google.inject.Inject;

/**
 * The quick fixes of the layout language as plain text edits, one kind of fix per fixable issue code. The language
 * server's code actions and the workbench's quick fixes are both built on {@link #fixesFor}.
 */
public class LayoutQuickFixes {

	/** Replace {@code length} characters at {@code offset} by {@code text}. */
	public record Replacement(int offset, int length, String text) {
	}

	/** A titled fix: the replacements apply together. */
	public record Fix(String title, List<Replacement> replacements) {

		/** The text after applying this fix (replacements do not overlap). */
		public String applyTo(String text) {
			StringBuilder result = new StringBuilder(text);
			replacements.stream().sorted(Comparator.comparingInt(Replacement::offset).reversed())
					.forEach(r -> result.replace(r.offset(), r.offset() + r.length(), r.text()));
			return result.toString();
		}
	}

	@Inject
	private IScopeProvider scopeProvider;

	/** Fixes for the diagnostic with this code at [offset, offset + length) of the resource's text. */
	public List<Fix> fixesFor(XtextResource resource, String code, int offset, int length) {
		List<Fix> fixes = new ArrayList<>();
		if (code == null || resource.getParseResult() == null) {
			return fixes;
		}
		String text = resource.getParseResult().getRootNode().getText();
		String flagged = text.substring(offset, Math.min(text.length(), offset + length));
		EObject element = elementAt(resource, offset);
		switch (code) {
		case LayoutIssueCodes.CMDLINE_WORD_IGNORED -> fixes.add(replace("Use rodata=on", offset, length, "on"));
		case LayoutIssueCodes.BAD_CMDLINE_VALUE -> {
			if (element instanceof CmdlineWord word) {
				MmCmdlineWords.of(word.getKey()).ifPresent(known -> {
					for (String value : known.offered()) {
						fixes.add(replace("Use " + word.getKey() + "=" + value, offset, length, value));
					}
				});
			}
		}
		case LayoutIssueCodes.UNSUPPORTED_GRANULE -> {
			for (Granule granule : Granule.values()) {
				fixes.add(replace("Use granule " + granule.label(), offset, length, granule.label()));
			}
		}
		case LayoutIssueCodes.UNSUPPORTED_VA_BITS -> {
			Platform platform = EcoreUtil2.getContainerOfType(element, Platform.class);
			Optional<Granule> granule = platform == null ? Optional.empty() : PlatformFacts.granule(platform);
			granule.ifPresent(g -> supportedVaBits(g).forEach(
					bits -> fixes.add(replace("Use va_bits " + bits, offset, length, String.valueOf(bits)))));
		}
		case LayoutIssueCodes.CPU_FEATURE_NAME -> {
			String name = flagged.equals("bbml3") ? "bbml2_noabort" : "bbml3";
			fixes.add(replace("Rename to " + name, offset, length, name));
		}
		case LayoutIssueCodes.WX_LINEAR_MAPPING -> {
			String safe = flagged.equals("set_memory_x") ? "set_memory_nx"
					: flagged.replace("PAGE_KERNEL_EXEC", "PAGE_KERNEL");
			fixes.add(replace("Make the linear alias non-executable", offset, length, safe));
		}
		case LayoutIssueCodes.FLAGS_IGNORED, LayoutIssueCodes.UNKNOWN_CMDLINE_WORD -> {
			int start = offset;
			while (start > 0 && text.charAt(start - 1) == ' ') {
				start--;
			}
			fixes.add(replace("Remove '" + flagged + "'", start, offset + length - start, ""));
		}
		case LayoutIssueCodes.FLAG_WITHOUT_EFFECT -> fixes.add(removeFlag(text, offset, length, flagged));
		case LayoutIssueCodes.UNKNOWN_SYMBOL, LayoutIssueCodes.UNKNOWN_STEP -> {
			if (code.equals(LayoutIssueCodes.UNKNOWN_SYMBOL) && CallKeywords.calledAt(text, offset + length)) {
				CallKeywords.closest(flagged, CallKeywords.ADDRESS)
						.ifPresent(call -> fixes.add(replace("Change to '" + call + "'", offset, length, call)));
			}
			String closest = closestName(resource, offset, flagged);
			if (closest != null) {
				fixes.add(replace("Change to '" + closest + "'", offset, length, closest));
			}
		}
		case LayoutIssueCodes.VA_BITS_NEED_LPA2 -> {
			Platform platform = EcoreUtil2.getContainerOfType(element, Platform.class);
			if (platform != null) {
				fixes.add(addLpa2(platform, element));
			}
		}
		case LayoutIssueCodes.UNKNOWN_PATCH_NUMBER -> {
			Checks checks = EcoreUtil2.getContainerOfType(element, Checks.class);
			if (checks != null && checks.getSubject() instanceof Series series && !series.getPatches().isEmpty()) {
				Patch last = series.getPatches().get(series.getPatches().size() - 1);
				fixes.add(replace("Check after patch " + last.getNumber(), offset, length, "" + last.getNumber()));
			}
		}
		case LayoutIssueCodes.UNKNOWN_KERNEL_VERSION -> {
			String version = closestKnownVersion(flagged);
			fixes.add(replace("Simulate kernel " + version, offset, length, version));
		}
		case LayoutIssueCodes.UNKNOWN_PTDUMP_WORD -> {
			Fix fix = ptdumpWords(offset, length, flagged);
			if (fix != null) {
				fixes.add(fix);
			}
		}
		case LayoutIssueCodes.LEAF_SHAPE_MISMATCH -> {
			String shape = flagged.equals("block") ? "page" : flagged.equals("page") ? "block" : "block-mapped";
			fixes.add(replace("Expect " + shape, offset, length, shape));
		}
		case LayoutIssueCodes.SPLIT_DETAIL_WITHOUT_SPLIT -> fixes.add(replace("Expect split", offset, length, "split"));
		case LayoutIssueCodes.NO_LEAF_AT_LEVEL -> fixes.add(replace("Expect level 2", offset, length, "2"));
		case LayoutIssueCodes.FAULT_LEVEL_OUT_OF_RANGE -> fixes.add(replace("Expect level 3", offset, length, "3"));
		case LayoutIssueCodes.UNKNOWN_PTDUMP_SECTION -> {
			Platform platform = LayoutContexts.platformOf(element);
			String closest = PtdumpWords.closest(flagged.replace("\"", ""), PlatformFacts.ptdumpSections(platform));
			if (closest != null) {
				fixes.add(replace("Change to \"" + closest + "\"", offset, length, "\"" + closest + "\""));
			}
		}
		default -> {
		}
		}
		return fixes;
	}

	/** The VA sizes the engine's Geometry supports for a granule (arch/arm64/Kconfig ARM64_VA_BITS), closest to 48 first. */
	private static List<Integer> supportedVaBits(Granule granule) {
		List<Integer> bits = new ArrayList<>();
		for (int vaBits = 32; vaBits <= 52; vaBits++) {
			if (Geometry.check(granule, vaBits) instanceof GeometryResult.Supported) {
				bits.add(vaBits);
			}
		}
		bits.sort(Comparator.comparingInt(b -> Math.abs(b - 48)));
		return bits;
	}

	/** Every word ptdump does not print replaced by the closest one it does, inside the quoted attributes. */
	private static Fix ptdumpWords(int offset, int length, String quoted) {
		Set<String> known = PtdumpWords.known();
		StringBuilder fixed = new StringBuilder();
		List<String> changed = new ArrayList<>();
		Matcher words = Pattern.compile("\\S+|\\s+").matcher(quoted.substring(1, quoted.length() - 1));
		while (words.find()) {
			String word = words.group();
			String closest = word.isBlank() || known.contains(word) ? null : PtdumpWords.closest(word, known);
			fixed.append(closest == null ? word : closest);
			if (closest != null) {
				changed.add(closest);
			}
		}
		return changed.isEmpty() ? null
				: replace("Change to " + String.join(", ", changed), offset, length, "\"" + fixed + "\"");
	}

	private static Fix replace(String title, int offset, int length, String text) {
		return new Fix(title, List.of(new Replacement(offset, length, text)));
	}

	/** Removes one flag and the `|` that joins it to its neighbour. */
	private static Fix removeFlag(String text, int offset, int length, String flag) {
		int start = offset, end = offset + length;
		int before = skipSpacesBackward(text, start);
		int after = skipSpacesForward(text, end);
		if (before > 0 && text.charAt(before - 1) == '|') {
			start = skipSpacesBackward(text, before - 1);
		} else if (after < text.length() && text.charAt(after) == '|') {
			end = skipSpacesForward(text, after + 1);
		} else {
			start = before;
		}
		return replace("Remove " + flag, start, end - start, "");
	}

	private static int skipSpacesBackward(String text, int index) {
		while (index > 0 && text.charAt(index - 1) == ' ') {
			index--;
		}
		return index;
	}

	private static int skipSpacesForward(String text, int index) {
		while (index < text.length() && text.charAt(index) == ' ') {
			index++;
		}
		return index;
	}

	/** The CPU feature that gives this granule 52-bit VAs: lva with 64K pages, lpa2 with 4K and 16K. */
	private static Fix addLpa2(Platform platform, EObject element) {
		String feature = PlatformFacts.granule(platform).orElse(Granule.G4K) == Granule.G64K ? "lva" : "lpa2";
		for (var setting : platform.getSettings()) {
			if (setting instanceof CpuSetting cpu) {
				ICompositeNode node = NodeModelUtils.getNode(cpu);
				return replace("Add " + feature + " to the CPU features", node.getEndOffset(), 0, " " + feature);
			}
		}
		VaBitsSetting vaBits = EcoreUtil2.getContainerOfType(element, VaBitsSetting.class);
		ICompositeNode node = NodeModelUtils.getNode(vaBits != null ? vaBits : platform);
		return replace("Add cpu " + feature, node.getEndOffset(), 0, "\n  cpu " + feature);
	}

	private String closestName(XtextResource resource, int offset, String name) {
		ILeafNode leaf = NodeModelUtils.findLeafNodeAtOffset(resource.getParseResult().getRootNode(), offset);
		if (leaf == null || !(leaf.getGrammarElement() instanceof CrossReference)
				&& !(leaf.getParent() != null && leaf.getParent().getGrammarElement() instanceof CrossReference)) {
			return null;
		}
		CrossReference crossReference = (CrossReference) (leaf.getGrammarElement() instanceof CrossReference
				? leaf.getGrammarElement() : leaf.getParent().getGrammarElement());
		EObject context = NodeModelUtils.findActualSemanticObjectFor(leaf);
		EReference reference = GrammarUtil.getReference(crossReference, context.eClass());
		if (reference == null) {
			return null;
		}
		String best = null;
		int bestDistance = Math.max(2, name.length() / 3) + 1;
		for (IEObjectDescription candidate : scopeProvider.getScope(context, reference).getAllElements()) {
			if (candidate.getName().getSegmentCount() != 1) {
				continue;
			}
			String candidateName = candidate.getName().getFirstSegment();
			int distance = PtdumpWords.levenshtein(name, candidateName);
			if (distance < bestDistance) {
				best = candidateName;
				bestDistance = distance;
			}
		}
		return best;
	}

	/** The newest known version not above the given one, else the oldest known. */
	static String closestKnownVersion(String text) {
		Optional<KernelVersion> wanted = KernelVersion.tryParse(text);
		KernelVersion best = KernelVersion.MODELLED.get(0);
		for (KernelVersion known : KernelVersion.MODELLED) {
			if (wanted.isPresent() && wanted.get().atLeast(known)) {
				best = known;
			}
		}
		return best.toString();
	}

	private static EObject elementAt(XtextResource resource, int offset) {
		ILeafNode leaf = NodeModelUtils.findLeafNodeAtOffset(resource.getParseResult().getRootNode(), offset);
		return leaf == null ? null : NodeModelUtils.findActualSemanticObjectFor(leaf);
	}
}
