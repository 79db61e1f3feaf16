package org.pagewright.lang.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pagewright.lang.tests.LayoutTexts.BASE;
import static org.pagewright.lang.validation.LayoutIssueCodes.*;

import java.util.List;

import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.eclipse.xtext.testing.validation.ValidationTestHelper;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pagewright.lang.layout.Model;

import com.google.inject.Inject;

/** Rules on the checks that say what the tables look like: leaves, ptdump words and sections, the baseline. */
@ExtendWith(InjectionExtension.class)
@InjectWith(LayoutInjectorProvider.class)
class LayoutValidatorTablesTest {

	/** Line 24 of BASE + "series …" is the series; the checks block's first check is on line 26. */
	private static final String SERIES = BASE + "series s on pol { patch 1 \"one\" { } }\n";

	@Inject
	private ParseHelper<Model> parseHelper;

	@Inject
	private ValidationTestHelper validation;

	private static String checks(String check) {
		return SERIES + "checks c on s {\n  " + check + "\n}\n";
	}

	private void assertIssue(String text, String code, int line) throws Exception {
		List<Issue> issues = validation.validate(parseHelper.parse(text));
		Issue issue = issues.stream().filter(i -> code.equals(i.getCode())).findFirst()
				.orElseThrow(() -> new AssertionError("no " + code + " in " + issues));
		assertEquals(line, issue.getLineNumber(), issue::toString);
	}

	private void assertNoIssue(String text, String code) throws Exception {
		List<Issue> issues = validation.validate(parseHelper.parse(text));
		assertTrue(issues.stream().noneMatch(i -> code.equals(i.getCode())), issues::toString);
	}

	@Test
	void theBaselineOfASeriesOrAPolicyIsAfter0() throws Exception {
		assertNoIssue(SERIES + "checks c on s after 0 { wx_clean }", UNKNOWN_PATCH_NUMBER);
		assertNoIssue(BASE + "checks c on pol after 0 { wx_clean }", UNKNOWN_PATCH_NUMBER);
	}

	@Test
	void mappedAsUsesOnlyWordsPtdumpPrintsAndNoContradiction() throws Exception {
		assertIssue(checks("read _text expect mapped as \"rw NX\""), UNKNOWN_PTDUMP_WORD, 26);
		assertIssue(checks("read _text expect mapped as \"RW ro\""), CONTRADICTORY_PTDUMP_WORDS, 26);
		assertIssue(checks("read _text expect mapped as \"MEM/NORMAL MEM/NORMAL-TAGGED\""), CONTRADICTORY_PTDUMP_WORDS, 26);
		assertNoIssue(checks("read _text expect mapped as \"F ro x SHD AF NG CON BLK UXN MEM/NORMAL-TAGGED\""),
				UNKNOWN_PTDUMP_WORD);
	}

	@Test
	void aLeafLevelHasItsShapeAndExistsForTheGranule() throws Exception {
		assertIssue(checks("read _text expect ok at level 3 block"), LEAF_SHAPE_MISMATCH, 26);
		assertIssue(checks("read _text expect ok at level 2 page"), LEAF_SHAPE_MISMATCH, 26);
		assertIssue(checks("read _text expect ok at level 0"), NO_LEAF_AT_LEVEL, 26);
		assertIssue(SERIES.replace("granule 4K", "granule 16K").replace("va_bits 48", "va_bits 47")
				+ "checks c on s {\n  read _text expect ok at level 1\n}\n", NO_LEAF_AT_LEVEL, 26);
		assertNoIssue(checks("read _text expect ok at level 1 block"), NO_LEAF_AT_LEVEL);
		assertNoIssue(checks("read _text expect fault level 0 translation"), NO_LEAF_AT_LEVEL);
	}

	@Test
	void aWalkFaultsOnlyAtALevelItWalks() throws Exception {
		assertIssue(checks("read _text expect fault level -5 translation"), FAULT_LEVEL_OUT_OF_RANGE, 26);
		assertIssue(checks("read _text expect fault level 4"), FAULT_LEVEL_OUT_OF_RANGE, 26);
		assertIssue(checks("read _text expect fault level -1"), FAULT_LEVEL_OUT_OF_RANGE, 26); // 4-level 4K starts at 0
		assertIssue(SERIES.replace("va_bits 48", "va_bits 39") + "checks c on s {\n  read _text expect fault level 0\n}\n",
				FAULT_LEVEL_OUT_OF_RANGE, 26); // 3-level 4K starts at 1
		assertNoIssue(checks("read _text expect fault level 0 translation"), FAULT_LEVEL_OUT_OF_RANGE);
		assertNoIssue(checks("read _text expect fault level 3 permission"), FAULT_LEVEL_OUT_OF_RANGE);
	}

	@Test
	void onlyBlocksHaveALevelToName() throws Exception {
		assertIssue(checks("[_text, +2M) is unmapped at level 2"), LEAF_SHAPE_MISMATCH, 26);
		assertIssue(checks("[_text, +2M) is block-mapped at level 3"), NO_LEAF_AT_LEVEL, 26);
		assertNoIssue(checks("[_text, +2M) is block-mapped at level 2"), NO_LEAF_AT_LEVEL);
		assertNoIssue(checks("[_text, +4K) is page-mapped at level 3"), LEAF_SHAPE_MISMATCH);
	}

	@Test
	void ptdumpSectionsAreItsMarkersAndRowsAreNotEmpty() throws Exception {
		assertIssue(checks("ptdump section \"Linear mapping\" lines <= 3"), UNKNOWN_PTDUMP_SECTION, 26);
		assertIssue(checks("ptdump contains \"  \""), EMPTY_PTDUMP_ROW, 26);
		assertNoIssue(checks("ptdump section \"Linear Mapping\" lines <= 3"), UNKNOWN_PTDUMP_SECTION);
		assertNoIssue(checks("ptdump section \"Fixmap start\" lines <= 3"), UNKNOWN_PTDUMP_SECTION);
	}

	@Test
	void onlyASplitHasALevelAndAResult() throws Exception {
		assertIssue(checks("set_memory_valid [_text, +4K) invalid expect no_split at level 2"), SPLIT_DETAIL_WITHOUT_SPLIT, 26);
		assertIssue(checks("set_memory_valid [_text, +4K) invalid expect einval to cont"), SPLIT_DETAIL_WITHOUT_SPLIT, 26);
		assertNoIssue(checks("set_memory_valid [_text, +4K) invalid expect split at level 2 to pages"),
				SPLIT_DETAIL_WITHOUT_SPLIT);
	}

	@Test
	void aPhysicalAddressIsNotAKernelVa() throws Exception {
		assertNoIssue(checks("read lm_alias(__init_end) expect ok pa 0x4060_0000"), VA_OUT_OF_RANGE);
	}
}
