package org.pagewright.lang.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pagewright.lang.tests.LayoutTexts.BASE;
import static org.pagewright.lang.tests.LayoutTexts.PLATFORM;
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

/** Rules on steps, patches, checks, cmdline words and CPU features. */
@ExtendWith(InjectionExtension.class)
@InjectWith(LayoutInjectorProvider.class)
class LayoutValidatorStepsTest {

	@Inject
	private ParseHelper<Model> parseHelper;

	@Inject
	private ValidationTestHelper validation;

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

	private static String patch(String edits) {
		return BASE + "series s on pol {\n  patch 1 \"one\" {\n" + edits + "\n  }\n}\n";
	}

	@Test
	void cpuMidrsNameTheBootCpuOncePerCpuAndReplaceTheCapabilityWords() throws Exception {
		String platform = PLATFORM.replace("  dram", "%s\n  dram");
		assertIssue(platform.formatted("  cpus 1-3 midr 0x411fd073"), NO_BOOT_CPU_MIDR, 6);
		assertIssue(platform.formatted("  cpu 0 midr 0x410fd823\n  cpus 0-3 midr 0x411fd073"), CPU_MIDR_CONFLICT, 7);
		assertIssue(platform.formatted("  cpu 0 midr 0x410fd823\n  cpus 3-1 midr 0x411fd073"), CPU_MIDR_CONFLICT, 7);
		assertIssue(platform.formatted("  cpu bbml2_noabort\n  cpu 0 midr 0x410fd823"), CPU_MIDR_CONFLICT, 7);
		assertNoIssue(platform.formatted("  cpu 0 midr 0x410fd823\n  cpus 1-3 midr 0x411fd073"), CPU_MIDR_CONFLICT);
		assertNoIssue(platform.formatted("  cpu 0 midr 0x410fd823"), NO_BOOT_CPU_MIDR);
	}

	@Test
	void observedEntriesSitAtALevelOfThePlatformsTablesAndTableEntriesAboveTheLast() throws Exception {
		String leaves = "on runtime: observed [0xffff800080a00000, +16K) level %d phys 0x4820_3000 attrs 0xf03";
		String tables = "on runtime: observed table [0xffff800080a00000, +2M) level %d";
		assertIssue(patch(String.format(leaves, 4)), OBSERVED_LEVEL_OUT_OF_RANGE, 26);
		assertIssue(patch(String.format(leaves, -1)), OBSERVED_LEVEL_OUT_OF_RANGE, 26); // 4K, 48 bits: 0 to 3
		assertIssue(patch(String.format(tables, 3)), OBSERVED_LEVEL_OUT_OF_RANGE, 26);
		assertNoIssue(patch(String.format(leaves, 3)), OBSERVED_LEVEL_OUT_OF_RANGE);
		assertNoIssue(patch(String.format(tables, 2)), OBSERVED_LEVEL_OUT_OF_RANGE);
	}

	@Test
	void aStepRemovedByAPatchCannotBeEditedAfterIt() throws Exception {
		assertIssue(patch("remove data_alias\n change data_alias: flags | NO_CONT_MAPPINGS"), STEP_REMOVED_EARLIER, 27);
		assertNoIssue(patch("change data_alias: flags | NO_CONT_MAPPINGS\n remove data_alias"), STEP_REMOVED_EARLIER);
	}

	@Test
	void aStepInsertedByAnEarlierPatchIsReferable() throws Exception {
		assertNoIssue(patch("after map_mem: unmap: set_memory_valid lm_alias[__init_end, __bss_stop) invalid\n"
				+ " before unmap: set_memory_ro [__init_end, __bss_stop)"), UNKNOWN_STEP);
	}

	@Test
	void changesMustFitTheStep() throws Exception {
		assertIssue(patch("change map_mem: flags | NO_BLOCK_MAPPINGS"), CHANGE_NOT_APPLICABLE, 26);
		assertIssue(patch("after map_mem: v: set_memory_valid [_text, +4K) valid\n change v: prot PAGE_KERNEL"), CHANGE_NOT_APPLICABLE, 27);
		assertNoIssue(patch("change data_alias: prot PAGE_KERNEL_RO"), CHANGE_NOT_APPLICABLE);
	}

	@Test
	void checksNameOnlyAPatchTheSeriesHas() throws Exception {
		assertIssue(patch("") + "checks c on s after 2 { wx_clean }", UNKNOWN_PATCH_NUMBER, 29);
		assertIssue(BASE + "checks c on pol after 1 { wx_clean }", UNKNOWN_PATCH_NUMBER, 24);
		assertNoIssue(patch("") + "checks c on s after 1 { wx_clean }", UNKNOWN_PATCH_NUMBER);
	}

	@Test
	void theLinearMapIsNeverMadeExecutable() throws Exception {
		assertIssue(patch("on runtime: map lm_alias[_text, +64K) PAGE_KERNEL_EXEC"), WX_LINEAR_MAPPING, 26);
		assertIssue(patch("on runtime: set_memory_x [0xffff000000000000, +4K)"), WX_LINEAR_MAPPING, 26);
		assertNoIssue(patch("on runtime: map [_text, +64K) phys 0x4020_0000 PAGE_KERNEL_EXEC"), WX_LINEAR_MAPPING);
	}

	@Test
	void onlyReadOnlyChangesOfAVmallocAreaReachTheLinearAlias() throws Exception {
		assertIssue(patch("on runtime: set_memory_x vmalloc_backed [0xffff000000000000, +4K)"),
				VMALLOC_CHANGE_NOT_MIRRORED, 26);
		assertNoIssue(patch("on runtime: set_memory_x vmalloc_backed [0xffff000000000000, +4K)"), WX_LINEAR_MAPPING);
		assertNoIssue(patch("on runtime: set_memory_ro vmalloc_backed [0xffff000000000000, +4K)"),
				VMALLOC_CHANGE_NOT_MIRRORED);
	}

	@Test
	void aFlagThatCannotTakeEffectIsFlagged() throws Exception {
		assertIssue(patch("on runtime: set_memory_valid lm_alias[_text, +4K) invalid NO_BLOCK_MAPPINGS"), FLAGS_IGNORED, 26);
		assertIssue(patch("on runtime: map lm_alias[_text, +1M) PAGE_KERNEL NO_BLOCK_MAPPINGS"), FLAG_WITHOUT_EFFECT, 26);
		assertIssue(patch("on runtime: map lm_alias[_text, +60K) PAGE_KERNEL NO_CONT_MAPPINGS"), FLAG_WITHOUT_EFFECT, 26);
		assertNoIssue(patch("on runtime: map lm_alias[_text, +4M) PAGE_KERNEL NO_BLOCK_MAPPINGS | NO_CONT_MAPPINGS"),
				FLAG_WITHOUT_EFFECT);
	}

	@Test
	void aRodataWordTheKernelIgnoresIsAWarning() throws Exception {
		assertIssue(PLATFORM.replace("rodata=on", "rodata=full"), CMDLINE_WORD_IGNORED, 5);
		assertIssue(PLATFORM.replace("rodata=on", "rodata=noalias").replace("7.0.1", "6.12"), CMDLINE_WORD_IGNORED, 5);
		assertNoIssue(PLATFORM.replace("rodata=on", "rodata=full").replace("7.0.1", "6.1"), CMDLINE_WORD_IGNORED);
		assertNoIssue(PLATFORM.replace("rodata=on", "rodata=noalias").replace("7.0.1", "7.3"), CMDLINE_WORD_IGNORED);
	}

	@Test
	void aCmdlineValueIsOneTheKernelAcceptsAndAWordOneThatChangesMappings() throws Exception {
		assertIssue(PLATFORM.replace("rodata=on", "rodata=maybe"), BAD_CMDLINE_VALUE, 5);
		assertIssue(PLATFORM.replace("rodata=on", "kfence.sample_interval=fast"), BAD_CMDLINE_VALUE, 5);
		assertIssue(PLATFORM.replace("rodata=on", "rodata=on quiet"), UNKNOWN_CMDLINE_WORD, 5);
		assertNoIssue(PLATFORM.replace("rodata=on", "nokaslr arm64.nolva debug_pagealloc=on kfence.sample_interval=100"),
				UNKNOWN_CMDLINE_WORD);
	}

	@Test
	void bbmlIsCalledBbml3From7_3() throws Exception {
		assertIssue(PLATFORM.replace("7.0.1", "7.3").replace("rodata=on", "rodata=on\n  cpu bbml2_noabort"), CPU_FEATURE_NAME, 6);
		assertIssue(PLATFORM.replace("rodata=on", "rodata=on\n  cpu bbml3"), CPU_FEATURE_NAME, 6);
		assertNoIssue(PLATFORM.replace("rodata=on", "rodata=on\n  cpu bbml2_noabort"), CPU_FEATURE_NAME);
	}

	@Test
	void aKernelVersionTheEngineDoesNotModelIsAWarning() throws Exception {
		assertIssue(PLATFORM.replace("7.0.1", "5.10"), UNKNOWN_KERNEL_VERSION, 4);
		assertNoIssue(PLATFORM.replace("7.0.1", "6.18"), UNKNOWN_KERNEL_VERSION);
	}

	@Test
	void aConfigOptionIsOneTheSimulatorModelsWithAValueItTakes() throws Exception {
		assertIssue(PLATFORM.replace("rodata=on", "rodata=on\n  config KFENCE=maybe"), BAD_KCONFIG_OPTION, 6);
		assertIssue(PLATFORM.replace("rodata=on", "rodata=on\n  config KASAN=y"), BAD_KCONFIG_OPTION, 6);
		assertIssue(PLATFORM.replace("rodata=on", "rodata=on\n  config KFENCE_SAMPLE_INTERVAL=y"), BAD_KCONFIG_OPTION, 6);
		assertNoIssue(PLATFORM.replace("rodata=on", "rodata=on\n  config KFENCE=n CONFIG_DEBUG_PAGEALLOC=y KFENCE_SAMPLE_INTERVAL=0"),
				BAD_KCONFIG_OPTION);
	}
}
