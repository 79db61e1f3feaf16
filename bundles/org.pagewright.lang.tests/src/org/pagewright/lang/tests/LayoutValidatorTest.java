package org.pagewright.lang.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pagewright.lang.tests.LayoutTexts.BASE;
import static org.pagewright.lang.tests.LayoutTexts.IMAGE;
import static org.pagewright.lang.tests.LayoutTexts.PLATFORM;
import static org.pagewright.lang.tests.LayoutTexts.POLICY;
import static org.pagewright.lang.validation.LayoutIssueCodes.*;

import java.util.List;

import org.eclipse.xtext.testing.InjectWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pagewright.arm64.kernel.KernelConfig;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.eclipse.xtext.testing.validation.ValidationTestHelper;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pagewright.lang.layout.Model;

import com.google.inject.Inject;

/** Each rule's code appears on bad input (and on the expected line) and not on the base text. */
@ExtendWith(InjectionExtension.class)
@InjectWith(LayoutInjectorProvider.class)
class LayoutValidatorTest {

	@Inject
	private ParseHelper<Model> parseHelper;

	@Inject
	private ValidationTestHelper validation;

	private List<Issue> issues(String text) throws Exception {
		return validation.validate(parseHelper.parse(text));
	}

	@Test
	void a52BitKernelWithoutLpa2IsAWarningThatItFallsBackTo48BitVas() throws Exception {
		Issue issue = issues(PLATFORM.replace("va_bits 48", "va_bits 52")).stream()
				.filter(i -> VA_BITS_NEED_LPA2.equals(i.getCode())).findFirst().orElseThrow();
		assertEquals(org.eclipse.xtext.diagnostics.Severity.WARNING, issue.getSeverity());
		assertTrue(issue.getMessage().contains("48-bit VAs"), issue.getMessage());
	}

	@ParameterizedTest
	@ValueSource(strings = { "6.1", "6.12", "6.14", "6.15", "6.16", "6.18", "7.0.1", "7.3" })
	void rodataFullIsFlaggedExactlyWhereTheEngineReadsTheRenamedWords(String version) throws Exception {
		String text = PLATFORM.replace("kernel 7.0.1", "kernel " + version).replace("rodata=on", "rodata=full");

		boolean flagged = issues(text).stream().anyMatch(i -> CMDLINE_WORD_IGNORED.equals(i.getCode()));

		assertEquals(KernelConfig.rodataOnMeansFull(org.pagewright.arm64.KernelVersion.parse(version)), flagged);
	}

	private void assertIssue(String text, String code, int line) throws Exception {
		List<Issue> issues = issues(text);
		Issue issue = issues.stream().filter(i -> code.equals(i.getCode())).findFirst()
				.orElseThrow(() -> new AssertionError("no " + code + " in " + issues));
		assertEquals(line, issue.getLineNumber(), issue::toString);
	}

	private void assertNoIssue(String text, String code) throws Exception {
		List<Issue> issues = issues(text);
		assertTrue(issues.stream().noneMatch(i -> code.equals(i.getCode())), issues::toString);
	}

	@Test
	void theBaseTextIsClean() throws Exception {
		assertEquals(List.of(), issues(BASE));
	}

	@Test
	void namesAreUniqueAmongTheirKindInTheirScope() throws Exception {
		assertIssue(BASE + "platform p { }", DUPLICATE_NAME, 24);
		assertIssue(IMAGE.replace("symbol _end", "symbol _text = _text\n  symbol _end"), DUPLICATE_NAME, 8);
		assertIssue(BASE.replace("map_mem\n", "map_mem\n    map_mem\n"), DUPLICATE_NAME, 21);
		assertIssue(BASE + "series s on pol { patch 1 \"a\" { } patch 1 \"b\" { } }", DUPLICATE_NAME, 24);
		assertNoIssue(BASE + "series s on pol { patch 1 \"a\" { } patch 2 \"b\" { } }", DUPLICATE_NAME);
	}

	@Test
	void twoStepsOnePatchBringsInCannotShareALabel() throws Exception {
		String added = "on boot: x: set_memory_valid lm_alias[_text, +4K) invalid";
		assertIssue(BASE + "series s on pol { patch 1 \"a\" {\n" + added + "\n after map_mem: x: map_mem\n} }",
				DUPLICATE_NAME, 26);
		assertNoIssue(BASE + "series s on pol { patch 1 \"a\" {\n" + added + "\n} patch 2 \"b\" {\n"
				+ added.replace("x:", "y:") + "\n} }", DUPLICATE_NAME);
	}

	@Test
	void anUnknownSymbolThatIsCalledIsToldTheCallItIsNear() throws Exception {
		Issue issue = issues(BASE + "checks c on pol { read page_adress(__bss_stop) expect ok }").stream()
				.filter(i -> UNKNOWN_SYMBOL.equals(i.getCode())).findFirst().orElseThrow();
		assertEquals("No symbol in the image named 'page_adress': did you mean page_address(…)?", issue.getMessage());
		assertTrue(issues(BASE + "checks c on pol { read __bss_stp expect ok }").stream()
				.anyMatch(i -> i.getMessage().equals("No symbol in the image named '__bss_stp'")));
	}

	@Test
	void anUnknownNameIsReportedWithTheKindItShouldHave() throws Exception {
		assertIssue(BASE + "checks c on pol { read __bss_stp expect ok }", UNKNOWN_SYMBOL, 24);
		assertIssue(BASE + "series s on pol { patch 1 \"a\" { remove map_memory } }", UNKNOWN_STEP, 24);
		assertIssue(BASE + "series s on nopolicy { }", UNKNOWN_NAME, 24);
		assertNoIssue(BASE + "series s on pol { patch 1 \"a\" { remove map_mem } }", UNKNOWN_STEP);
	}

	@Test
	void dramBanksDoNotOverlap() throws Exception {
		assertIssue(PLATFORM.replace("size 1G", "size 1G\n  dram bank1 at 0x7000_0000 size 1G"), OVERLAPPING_DRAM_BANKS, 7);
		assertNoIssue(PLATFORM.replace("size 1G", "size 1G\n  dram bank1 at 0x8000_0000 size 1G"), OVERLAPPING_DRAM_BANKS);
	}

	@Test
	void physAndVirtMustAgreeWithinAPage() throws Exception {
		assertIssue(BASE.replace("load phys 0x4020_0000", "load phys 0x4020_0800"), MISALIGNED_PHYS_VIRT, 9);
		String map = "\nseries s on pol { patch 1 \"a\" { on runtime: map [0xffff000000000000, +4K) phys 0x4000_0%s PAGE_KERNEL } }";
		assertIssue(BASE + map.formatted("100"), MISALIGNED_PHYS_VIRT, 25);
		assertNoIssue(BASE + map.formatted("000"), MISALIGNED_PHYS_VIRT);
	}

	@Test
	void kernelVasAreTheTopOfTheAddressSpace() throws Exception {
		assertIssue(BASE + "checks c on pol { read 0xffff7fff00000000 + 0 - 0x0000_8000_0000_0000 expect ok }",
				VA_OUT_OF_RANGE, 24);
		assertIssue(BASE.replace("va_bits 48", "va_bits 39"), VA_OUT_OF_RANGE, 9);
		assertNoIssue(BASE + "checks c on pol { read 0xffff000000000000 expect ok }", VA_OUT_OF_RANGE);
	}

	@Test
	void theGranuleIsAnArm64OneAndVaBitsAKconfigChoiceForIt() throws Exception {
		assertIssue(PLATFORM.replace("granule 4K", "granule 8K"), UNSUPPORTED_GRANULE, 2);
		assertIssue(PLATFORM.replace("granule 4K", "granule 16K").replace("va_bits 48", "va_bits 39"), UNSUPPORTED_VA_BITS, 3);
		assertNoIssue(PLATFORM.replace("granule 4K", "granule 16K").replace("va_bits 48", "va_bits 47"), UNSUPPORTED_VA_BITS);
		assertIssue(PLATFORM.replace("va_bits 48", "va_bits 52"), VA_BITS_NEED_LPA2, 3);
		assertNoIssue(PLATFORM.replace("va_bits 48", "va_bits 52\n  cpu lpa2"), VA_BITS_NEED_LPA2);
		assertIssue(PLATFORM.replace("granule 4K", "granule 64K").replace("va_bits 48", "va_bits 52"), VA_BITS_NEED_LPA2, 3);
		assertNoIssue(PLATFORM.replace("granule 4K", "granule 64K").replace("va_bits 48", "va_bits 52\n  cpu lva"),
				VA_BITS_NEED_LPA2);
	}

	@Test
	void lvaIsThe52BitVaFeatureOf64KPagesOnlyLpa2ThatOf4KAnd16K() throws Exception {
		assertIssue(PLATFORM.replace("va_bits 48", "va_bits 52\n  cpu lva"), VA_BITS_NEED_LPA2, 3);
		assertIssue(PLATFORM.replace("granule 4K", "granule 16K").replace("va_bits 48", "va_bits 52\n  cpu lva"),
				VA_BITS_NEED_LPA2, 3);
		assertNoIssue(PLATFORM.replace("va_bits 48", "va_bits 52\n  cpu lpa2"), VA_BITS_NEED_LPA2);
	}

	@Test
	void symbolsFollowTheLinkerScript() throws Exception {
		assertIssue(BASE.replace("symbol __bss_stop = 0xffff800080600000", "symbol __bss_stop = 0xffff800080300000"),
				SYMBOLS_OUT_OF_ORDER, 13);
		assertIssue(BASE.replace("size 4K", "size 4K\n  symbol stray = 0xffff800090000000"), SYMBOL_OUTSIDE_IMAGE, 15);
		assertNoIssue(BASE, SYMBOLS_OUT_OF_ORDER);
	}

	@Test
	void numbersMustFitIn64Bits() throws Exception {
		assertIssue(PLATFORM.replace("0x4000_0000", "0x1_0000_0000_0000_0000"), NUMBER_OVERFLOW, 6);
		assertIssue(BASE + "checks c on pol { read 0xffffffffffffffff + 4K expect ok }", NUMBER_OVERFLOW, 24);
		assertNoIssue(BASE + "checks c on pol { read 0xffffffffffffffff expect ok }", NUMBER_OVERFLOW);
	}

	@Test
	void rangesMustNotBeEmpty() throws Exception {
		assertIssue(BASE + "checks c on pol { no_leak [__bss_stop, __init_end) }", EMPTY_RANGE, 24);
		assertNoIssue(BASE + "checks c on pol { no_leak lm_alias[__init_end, __bss_stop) }", EMPTY_RANGE);
		assertIssue(BASE + "checks c on pol { no_leak lm_alias[__bss_stop, __init_end) }", EMPTY_RANGE, 24);
	}
}
