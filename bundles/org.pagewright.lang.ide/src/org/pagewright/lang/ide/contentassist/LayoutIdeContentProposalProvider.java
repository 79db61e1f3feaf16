package org.pagewright.lang.ide.contentassist;

import java.util.List;

import org.eclipse.xtext.Assignment;
import org.eclipse.xtext.CrossReference;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.ParserRule;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistContext;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;
import org.eclipse.xtext.ide.editor.contentassist.IIdeContentProposalAcceptor;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.pagewright.arm64.Geometry;
import org.pagewright.arm64.ptdump.PtdumpText;
import org.pagewright.config.run.KernelBuildOptions;
import org.pagewright.lang.addresses.MmCmdlineWords;
import org.pagewright.lang.addresses.PlatformFacts;
import org.pagewright.lang.layout.CmdlineWord;
import org.pagewright.lang.layout.Platform;
import org.pagewright.lang.naming.LayoutContexts;
import org.pagewright.lang.services.LayoutGrammarAccess;

import com.google.common.base.Predicate;
import com.google.inject.Inject;

/**
 * Keywords, prot names, flags, CPU features and phases come from the grammar. Added here: cmdline words and their
 * values (plain words for the parser), and symbols and steps by simple name only.
 */
public class LayoutIdeContentProposalProvider extends IdeContentProposalProvider {

	/** Typical `mapped as` words: the linear map, read-only and text leaves, an invalid entry (ptdump.c pte_bits[]). */
	public static final List<String> ATTRIBUTE_WORDS = List.of("RW NX", "ro NX", "ro x", "F", "BLK", "CON", "NG",
			"MEM/NORMAL-TAGGED", "MEM/NORMAL");

	@Inject
	private LayoutGrammarAccess grammar;

	@Override
	protected void _createProposals(Assignment assignment, ContentAssistContext context,
			IIdeContentProposalAcceptor acceptor) {
		if (assignment == grammar.getCmdlineWordAccess().getKeyAssignment_0()
				|| assignment == grammar.getCmdlineSettingAccess().getWordsAssignment_1()) {
			proposeCmdlineWords(context, acceptor);
		} else if (assignment == grammar.getCmdlineWordAccess().getValueAssignment_1_1()
				&& context.getCurrentModel() instanceof CmdlineWord word) {
			MmCmdlineWords.of(word.getKey()).ifPresent(known -> {
				for (String value : known.offered()) {
					accept(value, word.getKey() + "=" + value, context, acceptor);
				}
			});
		} else if (assignment == grammar.getKconfigOptionAccess().getNameAssignment_0()
				|| assignment == grammar.getKconfigSettingAccess().getOptionsAssignment_1()) {
			for (String option : KernelBuildOptions.NAMES) {
				for (String value : KernelBuildOptions.takesNumber(option) ? List.of("0") : List.of("n", "y")) {
					accept(option + "=" + value, "CONFIG_" + option + " of the kernel build", context, acceptor);
				}
			}
		} else if (assignment == grammar.getPtdumpContentCheckAccess().getSectionAssignment_1_1_1()) {
			PlatformFacts.ptdumpSections(LayoutContexts.platformOf(context.getCurrentModel()))
					.forEach(section -> accept("\"" + section + "\"", "kernel_page_tables section", context, acceptor));
		} else if (assignment == grammar.getOutcomeAccess().getShapeAssignment_0_3()) {
			keywordsOf(grammar.getLeafShapeRule(), context, acceptor);
		} else if (assignment == grammar.getSplitCheckAccess().getTargetAssignment_6_1()) {
			keywordsOf(grammar.getSplitTargetRule(), context, acceptor);
		} else if (assignment == grammar.getOutcomeAccess().getKindAssignment_1_2()) {
			keywordsOf(grammar.getFaultKindRule(), context, acceptor);
		} else if (assignment == grammar.getRangeCheckAccess().getShapeAssignment_1_1_1()) {
			keywordsOf(grammar.getMappingShapeRule(), context, acceptor);
		} else if (assignment == grammar.getOutcomeAccess().getLevelAssignment_1_1_1()) {
			proposeLevels(context, acceptor, false);
		} else if (assignment == grammar.getOutcomeAccess().getLevelAssignment_0_2_2()
				|| assignment == grammar.getRangeCheckAccess().getLevelAssignment_1_1_2_2()
				|| assignment == grammar.getSplitCheckAccess().getLevelAssignment_5_2()) {
			proposeLevels(context, acceptor, true);
		} else if (assignment == grammar.getOutcomeAccess().getAttributesAssignment_2_2()) {
			ATTRIBUTE_WORDS.forEach(words -> accept("\"" + words + "\"", "ptdump attribute columns", context, acceptor));
		} else {
			super._createProposals(assignment, context, acceptor);
		}
	}

	/** Step and check keywords carry a one-line description (KeywordDescriptions); other keywords as Xtext has them. */
	@Override
	protected void _createProposals(Keyword keyword, ContentAssistContext context, IIdeContentProposalAcceptor acceptor) {
		String description = KeywordDescriptions.of(keyword);
		if (description == null) {
			super._createProposals(keyword, context, acceptor);
		} else if (filterKeyword(keyword, context)) {
			ContentAssistEntry entry = getProposalCreator().createProposal(keyword.getValue(), context);
			if (entry != null) {
				entry.setKind(ContentAssistEntry.KIND_KEYWORD);
				entry.setDescription(description);
				acceptor.accept(entry, getProposalPriorities().getKeywordPriority(keyword.getValue(), entry));
			}
		}
	}

	/**
	 * The translation levels of the platform's walk (start level to 3), or only those Linux puts a leaf at; each
	 * with the size one entry maps, which is what a reviewer reads a level as.
	 */
	private void proposeLevels(ContentAssistContext context, IIdeContentProposalAcceptor acceptor, boolean leavesOnly) {
		Platform platform = LayoutContexts.platformOf(context.getCurrentModel());
		for (int level = PlatformFacts.startLevel(platform); level <= Geometry.LAST_LEVEL; level++) {
			boolean leaf = PlatformFacts.isLeafLevel(platform, level);
			if (leaf || !leavesOnly) {
				String size = PtdumpText.size(PlatformFacts.levelSize(platform, level));
				accept(String.valueOf(level), "level " + level + ": an entry maps " + size
						+ (leaf ? (level == Geometry.LAST_LEVEL ? " (page)" : " (block)") : " (table)"), context, acceptor);
			}
		}
	}

	/** The words of a datatype rule (`block|page|cont`): the default provider proposes no keywords inside one. */
	private void keywordsOf(ParserRule rule, ContentAssistContext context, IIdeContentProposalAcceptor acceptor) {
		for (Keyword keyword : GrammarUtil.containedKeywords(rule)) {
			accept(keyword.getValue(), "", context, acceptor);
		}
	}

	private void proposeCmdlineWords(ContentAssistContext context, IIdeContentProposalAcceptor acceptor) {
		for (MmCmdlineWords.Word word : MmCmdlineWords.all()) {
			word.proposals().forEach(proposal -> accept(proposal, "kernel command-line word", context, acceptor));
		}
	}

	private void accept(String proposal, String description, ContentAssistContext context,
			IIdeContentProposalAcceptor acceptor) {
		ContentAssistEntry entry = getProposalCreator().createProposal(proposal, context);
		if (entry != null) {
			entry.setDescription(description);
			entry.setKind(ContentAssistEntry.KIND_VALUE);
			acceptor.accept(entry, getProposalPriorities().getDefaultPriority(entry));
		}
	}

	/** `_text`, not `vmlinux._text`: System.map names are what developers type. */
	@Override
	protected Predicate<IEObjectDescription> getCrossrefFilter(CrossReference reference, ContentAssistContext context) {
		Predicate<IEObjectDescription> inherited = super.getCrossrefFilter(reference, context);
		return description -> description.getName().getSegmentCount() == 1 && inherited.apply(description);
	}
}
