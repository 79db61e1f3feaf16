package org.pagewright.lang.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pagewright.lang.tests.LayoutTexts.BASE;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.eclipse.xtext.ide.editor.contentassist.ContentAssistContext;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;
import org.eclipse.xtext.ide.editor.contentassist.IIdeContentProposalAcceptor;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;
import org.eclipse.xtext.ide.editor.contentassist.antlr.ContentAssistContextFactory;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.TextRegion;
import org.junit.jupiter.api.Test;

/** Proposals at `|` in typical places, through the same standalone services the workbench editor uses. */
class ContentAssistTest {

	private static List<String> proposalsAt(String textWithCursor) {
		return entriesAt(textWithCursor).stream().map(ContentAssistEntry::getProposal).toList();
	}

	private static List<ContentAssistEntry> entriesAt(String textWithCursor) {
		int offset = textWithCursor.indexOf('|');
		String text = textWithCursor.substring(0, offset) + textWithCursor.substring(offset + 1);
		XtextResource resource = IdeServices.parse(text);
		ContentAssistContextFactory factory = IdeServices.get(ContentAssistContextFactory.class);
		ExecutorService pool = Executors.newSingleThreadExecutor();
		try {
			factory.setPool(pool);
			ContentAssistContext[] contexts = factory.create(text, new TextRegion(offset, 0), offset, resource);
			List<ContentAssistEntry> proposals = new ArrayList<>();
			IdeServices.get(IdeContentProposalProvider.class).createProposals(Arrays.asList(contexts),
					new IIdeContentProposalAcceptor() {
						@Override
						public void accept(ContentAssistEntry entry, int priority) {
							proposals.add(entry);
						}

						@Override
						public boolean canAcceptMoreProposals() {
							return true;
						}
					});
			return proposals;
		} finally {
			pool.shutdown();
		}
	}

	/** proposal → description of every entry at `|`. */
	private static java.util.Map<String, String> describedAt(String textWithCursor) {
		java.util.Map<String, String> described = new java.util.HashMap<>();
		entriesAt(textWithCursor).forEach(e -> described.putIfAbsent(e.getProposal(), e.getDescription()));
		return described;
	}

	private static void assertProposes(List<String> proposals, String... expected) {
		for (String e : expected) {
			assertTrue(proposals.contains(e), () -> e + " not in " + proposals);
		}
	}

	@Test
	void cpuFeatures() {
		assertProposes(proposalsAt("platform p { cpu | }"), "bbml2_noabort", "bbml3", "lpa2", "mte");
	}

	@Test
	void cmdlineWordsWithTheirValues() {
		List<String> proposals = proposalsAt("platform p { cmdline | }");
		assertProposes(proposals, "rodata=on", "rodata=noalias", "nokaslr", "kfence.sample_interval=0", "arm64.nolva");
		assertProposes(proposalsAt("platform p { cmdline rodata=| }"), "on", "off", "full", "noalias");
	}

	@Test
	void afterSetMemoryValidARangeOrItsLinearAlias() {
		assertProposes(proposalsAt(BASE.replace("map_mem\n", "map_mem\n    set_memory_valid |\n")), "[", "lm_alias");
	}

	@Test
	void protAndFlagPositions() {
		String map = BASE.replace("map_mem\n", "map_mem\n    map [_text, +4K) %s\n");
		assertProposes(proposalsAt(map.formatted("|")), "PAGE_KERNEL", "PAGE_KERNEL_RO", "PAGE_KERNEL_ROX",
				"pgprot_tagged");
		assertProposes(proposalsAt(map.formatted("PAGE_KERNEL |")), "NO_BLOCK_MAPPINGS", "NO_CONT_MAPPINGS",
				"NO_EXEC_MAPPINGS");
	}

	@Test
	void symbolsBySimpleName() {
		List<String> proposals = proposalsAt(BASE + "checks c on pol { read | }");
		assertProposes(proposals, "_text", "__init_end", "empty_zero_page", "lm_alias", "page_address");
		assertFalse(proposals.contains("k._text"), proposals::toString);
	}

	@Test
	void stepsAfterAfter() {
		assertProposes(proposalsAt(BASE + "series s on pol { patch 1 \"x\" { after | } }"), "map_kernel", "map_mem",
				"data_alias");
	}

	@Test
	void whatAnAccessLandsOnAndWhatARangeIs() {
		String check = BASE + "checks c on pol { %s }";
		assertProposes(proposalsAt(check.formatted("read _text expect |")), "ok", "fault", "mapped");
		assertProposes(proposalsAt(check.formatted("read _text expect ok |")), "at", "block", "page", "cont", "pa");
		assertProposes(proposalsAt(check.formatted("[_text, +4K) |")), "has", "lacks", "is");
		assertProposes(proposalsAt(check.formatted("[_text, +4K) has |")), "nG", "CONT", "BLK", "PXNTable", "tagged");
		assertProposes(proposalsAt(check.formatted("[_text, +4K) is |")), "block-mapped", "page-mapped",
				"present-invalid", "unmapped");
		assertProposes(proposalsAt(check.formatted("|")), "no_writable_alias", "no_executable_alias", "ptdump");
	}

	@Test
	void theFaultKindsAndThePlatformsLevelsAreProposed() {
		String check = BASE + "checks c on pol { %s }";
		assertProposes(proposalsAt(check.formatted("read _text expect fault |")), "level", "translation",
				"permission", "access_flag");
		assertProposes(proposalsAt(check.formatted("read _text expect fault level 3 |")), "translation",
				"permission", "access_flag");
		List<String> faultLevels = proposalsAt(check.formatted("read _text expect fault level |"));
		assertProposes(faultLevels, "0", "1", "2", "3");
		assertFalse(faultLevels.contains("-1"), faultLevels::toString); // 4K at 48 bits walks from level 0
		List<String> leafLevels = proposalsAt(check.formatted("read _text expect ok at level |"));
		assertProposes(leafLevels, "1", "2", "3");
		assertFalse(leafLevels.contains("0"), leafLevels::toString); // no leaf at level 0 (pud_sect_supported)
		assertProposes(proposalsAt(check.formatted("[_text, +2M) is block-mapped at level |")), "1", "2");
	}

	@Test
	void stepsAndChecksSayWhatTheyAre() {
		java.util.Map<String, String> steps = describedAt(BASE.replace("map_mem", "|map_mem"));
		assertTrue(String.valueOf(steps.get("map_mem")).startsWith("map_mem(): the linear map"), steps::toString);
		assertTrue(String.valueOf(steps.get("set_memory_valid")).contains("pageattr.c"), steps::toString);
		java.util.Map<String, String> checks = describedAt(BASE + "checks c on pol { | }");
		assertTrue(String.valueOf(checks.get("wx_clean")).startsWith("ptdump_check_wx()"), checks::toString);
		assertTrue(String.valueOf(checks.get("set_memory_valid")).startsWith("run set_memory_valid on a copy"),
				checks::toString);
	}

	@Test
	void ptdumpSectionsAndAttributeWords() {
		String check = BASE + "checks c on pol { %s }";
		assertProposes(proposalsAt(check.formatted("ptdump |")), "contains", "section", "expect");
		assertProposes(proposalsAt(check.formatted("ptdump section |")), "\"Linear Mapping\"", "\"Fixmap\"",
				"\"vmalloc() area\"");
		assertProposes(proposalsAt(check.formatted("read _text expect mapped as |")), "\"RW NX\"", "\"F\"");
	}
}
