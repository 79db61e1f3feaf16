package org.pagewright.lang.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pagewright.lang.tests.LayoutTexts.BASE;
import static org.pagewright.lang.tests.LayoutTexts.PLATFORM;
import static org.pagewright.lang.validation.LayoutIssueCodes.*;

import java.util.List;

import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;
import org.pagewright.lang.ide.codeactions.LayoutQuickFixes;

/** Each fixable code: text with the issue → the fix applied → the expected text. */
class QuickFixTest {

	private static String fixed(String text, String code) {
		return fixes(text, code).get(0).applyTo(text);
	}

	private static List<String> titles(String text, String code) {
		return fixes(text, code).stream().map(LayoutQuickFixes.Fix::title).toList();
	}

	private static List<LayoutQuickFixes.Fix> fixes(String text, String code) {
		XtextResource resource = IdeServices.parse(text);
		List<Issue> issues = IdeServices.get(IResourceValidator.class).validate(resource, CheckMode.ALL,
				CancelIndicator.NullImpl);
		Issue issue = issues.stream().filter(i -> code.equals(i.getCode())).findFirst()
				.orElseThrow(() -> new AssertionError("no " + code + " in " + issues));
		return IdeServices.get(LayoutQuickFixes.class).fixesFor(resource, code, issue.getOffset(), issue.getLength());
	}

	private static String patch(String edit) {
		return BASE + "series s on pol { patch 1 \"a\" { " + edit + " } }\n";
	}

	@Test
	void rodataWordOfTheKernelVersion() {
		assertEquals(PLATFORM, fixed(PLATFORM.replace("rodata=on", "rodata=full"), CMDLINE_WORD_IGNORED));
	}

	@Test
	void badAndUnknownCmdlineWords() {
		assertEquals(PLATFORM, fixed(PLATFORM.replace("rodata=on", "rodata=yes"), BAD_CMDLINE_VALUE));
		assertEquals(PLATFORM, fixed(PLATFORM.replace("rodata=on", "rodata=on quiet"), UNKNOWN_CMDLINE_WORD));
	}

	@Test
	void everyGranuleIsOfferedForOneArm64DoesNotHave() {
		String bad = PLATFORM.replace("granule 4K", "granule 5K");
		assertEquals(List.of("Use granule 4K", "Use granule 16K", "Use granule 64K"), titles(bad, UNSUPPORTED_GRANULE));
		assertEquals(PLATFORM, fixed(bad, UNSUPPORTED_GRANULE));
	}

	@Test
	void theVaSizesOfTheGranuleAreOfferedClosestTo48First() {
		String bad = PLATFORM.replace("va_bits 48", "va_bits 40");
		assertEquals(List.of("Use va_bits 48", "Use va_bits 52", "Use va_bits 39"), titles(bad, UNSUPPORTED_VA_BITS));
		assertEquals(PLATFORM, fixed(bad, UNSUPPORTED_VA_BITS));
	}

	@Test
	void everyValueTheKernelAcceptsIsOfferedForACmdlineWord() {
		assertEquals(List.of("Use rodata=on", "Use rodata=off", "Use rodata=full", "Use rodata=noalias"),
				titles(PLATFORM.replace("rodata=on", "rodata=yes"), BAD_CMDLINE_VALUE));
	}

	@Test
	void bbmlNameOfTheKernelVersion() {
		String cpu = PLATFORM.replace("rodata=on", "rodata=on\n  cpu %s");
		assertEquals(cpu.formatted("bbml2_noabort"), fixed(cpu.formatted("bbml3"), CPU_FEATURE_NAME));
	}

	@Test
	void closestSymbolAndStepNames() {
		assertEquals(BASE + "checks c on pol { read __bss_stop expect ok }",
				fixed(BASE + "checks c on pol { read __bss_stp expect ok }", UNKNOWN_SYMBOL));
		assertEquals(patch("remove data_alias"), fixed(patch("remove data_alais"), UNKNOWN_STEP));
	}

	@Test
	void aMisspelledCallBecomesTheCallBeforeTheClosestSymbol() {
		String typo = BASE + "checks c on pol { read lm_alais(__bss_stop) expect ok }";
		assertEquals(List.of("Change to 'lm_alias'"), titles(typo, UNKNOWN_SYMBOL));
		assertEquals(typo.replace("lm_alais", "lm_alias"), fixed(typo, UNKNOWN_SYMBOL));
	}

	@Test
	void lpa2ForFiftyTwoBitVa() {
		String with52 = PLATFORM.replace("va_bits 48", "va_bits 52");
		assertEquals(with52.replace("va_bits 52", "va_bits 52\n  cpu lpa2"), fixed(with52, VA_BITS_NEED_LPA2));
		String withCpu = with52.replace("rodata=on", "rodata=on\n  cpu mte");
		assertEquals(withCpu.replace("cpu mte", "cpu mte lpa2"), fixed(withCpu, VA_BITS_NEED_LPA2));
	}

	@Test
	void flags() {
		assertEquals(patch("on runtime: set_memory_valid [_text, +4K) invalid"),
				fixed(patch("on runtime: set_memory_valid [_text, +4K) invalid NO_BLOCK_MAPPINGS"), FLAGS_IGNORED));
		assertEquals(patch("on runtime: map lm_alias[_text, +1M) PAGE_KERNEL NO_EXEC_MAPPINGS"),
				fixed(patch("on runtime: map lm_alias[_text, +1M) PAGE_KERNEL NO_BLOCK_MAPPINGS | NO_EXEC_MAPPINGS"),
						FLAG_WITHOUT_EFFECT));
	}

	@Test
	void executableLinearAlias() {
		assertEquals(patch("on runtime: map lm_alias[_text, +64K) PAGE_KERNEL"),
				fixed(patch("on runtime: map lm_alias[_text, +64K) PAGE_KERNEL_EXEC"), WX_LINEAR_MAPPING));
	}

	@Test
	void patchNumberAndKernelVersion() {
		assertEquals(patch("") + "checks c on s after 1 { wx_clean }",
				fixed(patch("") + "checks c on s after 7 { wx_clean }", UNKNOWN_PATCH_NUMBER));
		assertEquals(PLATFORM.replace("7.0.1", "6.12"), fixed(PLATFORM.replace("7.0.1", "6.15"), UNKNOWN_KERNEL_VERSION));
	}

	private static String checks(String check) {
		return patch("") + "checks c on s { " + check + " }\n";
	}

	@Test
	void ptdumpWordsAndSections() {
		assertEquals(checks("read _text expect mapped as \"RW  NX CON\""),
				fixed(checks("read _text expect mapped as \"rw  nx CON\""), UNKNOWN_PTDUMP_WORD));
		assertEquals(checks("ptdump section \"Linear Mapping\" lines <= 3"),
				fixed(checks("ptdump section \"Linear mapping\" lines <= 3"), UNKNOWN_PTDUMP_SECTION));
	}

	@Test
	void leafShapesAndLevels() {
		assertEquals(checks("read _text expect ok at level 3 page"),
				fixed(checks("read _text expect ok at level 3 block"), LEAF_SHAPE_MISMATCH));
		assertEquals(checks("[_text, +2M) is block-mapped at level 2"),
				fixed(checks("[_text, +2M) is present-invalid at level 2"), LEAF_SHAPE_MISMATCH));
		assertEquals(checks("read _text expect ok at level 2"), fixed(checks("read _text expect ok at level 0"),
				NO_LEAF_AT_LEVEL));
		assertEquals(checks("read _text expect fault level 3 translation"),
				fixed(checks("read _text expect fault level -5 translation"), FAULT_LEVEL_OUT_OF_RANGE));
		assertEquals(checks("set_memory_valid [_text, +4K) invalid expect split at level 2"),
				fixed(checks("set_memory_valid [_text, +4K) invalid expect no_split at level 2"), SPLIT_DETAIL_WITHOUT_SPLIT));
	}
}
