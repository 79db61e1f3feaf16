package org.pagewright.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pagewright.lang.tests.SampleSeries;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** run, ptdump and diff on the review example: the states the workbench's runner view shows, as text and JSON. */
class StateCommandsTest {
	private static final String REVIEW = Cli.EXAMPLES.resolve("review-v4-13/data-bss-v4.layout").toString();
	private static final String K73 = Cli.EXAMPLES.resolve("qemu-virt/boot-7.3.4.layout").toString();

	@TempDir
	Path dir;

	@Test
	void runShowsEachRevisionsPhasesOperationsTablePagesAndVerdicts() {
		Cli.Result r = Cli.run("run", REVIEW, "--series", "data_bss_v4", "--after", "15");

		assertEquals(0, r.exit(), r::toString);
		assertTrue(r.out().startsWith("== data_bss_v4\npatch 15 \"arm64: mm: Unmap kernel data/bss entirely from the "
				+ "linear map\"\n  boot: "), r::toString);
		assertTrue(r.out().matches("(?s).*\\n  runtime: 0 operation\\(s\\), 22 table page\\(s\\)\\n.*"), r::toString);
		assertTrue(r.out().matches("(?s).*\\n    unmap_data_alias: set_memory_valid[^\\n]* -> Ok\\n.*"), r::toString);
		assertTrue(r.out().contains("\n    against the previous revision:\n      CHANGED 0xffff000002d00000-0xffff000002e00000 "
				+ "PTE       ro NX SHD AF            UXN    MEM/NORMAL -> PTE F "), r::toString);
		assertTrue(r.out().contains("    " + REVIEW + ":110:3: PASS read page_address(empty_zero_page) expect ok"),
				r::toString);
		assertFalse(r.out().contains("\npatch 14 \""), "--after 15 shows only patch 15: " + r);
	}

	@Test
	void runWithoutSeriesRunsEverySeriesAndPlatformOfTheFile() {
		Cli.Result r = Cli.run("run", REVIEW, "--after", "16", "--phase", "runtime");

		// the policy linux_7_1 has checks of its own but no patch 16: --after picks the runs that have it
		assertEquals(0, r.exit(), r::toString);
		assertFalse(r.out().contains("== linux_7_1"), r::toString);
		assertTrue(r.out().contains("== data_bss_v4\n"), r::toString);
		assertTrue(r.out().contains("== data_bss_v4@qemu_7_1_no_bbml2\n"), r::toString);
		assertTrue(r.out().contains("FAIL") == false && r.out().contains("expect einval"), r::toString);
	}

	@Test
	void runJsonIsTheGeneratorsReportPerRun() {
		Cli.Result r = Cli.run("run", REVIEW, "--series", "data_bss_v4", "--after", "15", "--format", "json");

		assertEquals(0, r.exit(), r::toString);
		JsonObject run = r.json().getAsJsonArray("runs").get(0).getAsJsonObject();
		assertEquals("data_bss_v4", run.get("configuration").getAsString());
		JsonArray revisions = run.getAsJsonArray("revisions");
		assertEquals(1, revisions.size());
		assertEquals(15, revisions.get(0).getAsJsonObject().get("patch").getAsInt());
		assertTrue(revisions.get(0).getAsJsonObject().getAsJsonArray("phases").size() > 1);
	}

	@Test
	void ptdumpPrintsTheStateAsTheKernelDoesAndItsJsonRowsJoinToTheSameText() {
		Cli.Result text = Cli.run("ptdump", K73, "--series", "debian_7_3_boot");
		Cli.Result json = Cli.run("ptdump", K73, "--series", "debian_7_3_boot", "--format", "json");

		assertEquals(0, text.exit(), text::toString);
		assertTrue(text.out().startsWith("---[ Linear Mapping start ]---\n0xfff0000000000000-0xfff0000000200000"),
				text::toString);
		// the capture's data/bss alias line, byte for byte (shared/groundtruth/k73-max-1G-nokaslr.kpt.txt line 5)
		assertTrue(text.out().contains("\n0xfff0000002d00000-0xfff000000341e000        7288K PTE F     RW NX     AF NG"
				+ "         UXN    MEM/NORMAL-TAGGED\n"), text::toString);
		JsonArray rows = json.json().getAsJsonArray("rows");
		String joined = rows.asList().stream().map(e -> e.getAsJsonObject().get("text").getAsString())
				.collect(Collectors.joining("\n", "", "\n"));
		assertEquals(text.out(), joined);
		JsonObject alias = rows.asList().stream().map(JsonElement::getAsJsonObject)
				.filter(o -> o.get("text").getAsString().startsWith("0xfff0000002d00000")).findFirst().orElseThrow();
		assertEquals("range", alias.get("type").getAsString());
		assertEquals("invalid", alias.get("kind").getAsString());
		assertEquals("PTE", alias.get("level").getAsString());
		assertEquals("Linear Mapping start", alias.get("section").getAsString());
		assertEquals("0xfff000000341e000", alias.get("end").getAsString());
	}

	@Test
	void diffIsAUnifiedDiffThatExitsOneWhenTheDumpsDiffer() {
		Cli.Result r = Cli.run("diff", REVIEW, "--series", "data_bss_v4", "--from", "14", "--to", "15");

		assertEquals(1, r.exit(), r::toString);
		assertTrue(r.out().startsWith("--- data_bss_v4 patch 14 runtime\n+++ data_bss_v4 patch 15 runtime\n@@ "),
				r::toString);
		assertTrue(r.out().lines().anyMatch(l -> l.startsWith("+0x") && l.contains(" F ")), "the unmapped alias: " + r);
	}

	@Test
	void diffOfARevisionWithItselfIsEmptyAndExitsZero() {
		Cli.Result r = Cli.run("diff", REVIEW, "--series", "data_bss_v4", "--from", "15", "--to", "15",
				"--phase", "snapshot", "--format", "json");

		assertEquals(0, r.exit(), r::toString);
		assertTrue(r.json().get("identical").getAsBoolean());
		assertEquals(0, r.json().getAsJsonArray("changes").size());
		assertEquals("snapshot", r.json().getAsJsonObject("from").get("phase").getAsString());
	}

	@Test
	void anUnknownSeriesListsTheChoicesWithExitTwo() {
		Cli.Result r = Cli.run("ptdump", REVIEW, "--series", "nope");

		assertEquals(2, r.exit(), r::toString);
		assertEquals("pagewright-cli: " + REVIEW + ": no run 'nope'; choose --series among: data_bss_v4, "
				+ "linux_7_1, data_bss_v4 --with qemu_7_1_no_bbml2\n", r.err());
	}

	@Test
	void anOperationAtWhichTheKernelBugsIsMarkedWithItsStepsLineAndExitsOne() throws IOException {
		String machine = SampleSeries.UNMAP_DATA_ALIAS.substring(0, SampleSeries.UNMAP_DATA_ALIAS.indexOf("policy"));
		Path file = Files.writeString(dir.resolve("cont.layout"), machine + """
				policy cont on small with img {
				  boot {
				    bank_map: map [0xffff000000000000, +64M) phys 0x4000_0000 pgprot_tagged(PAGE_KERNEL) NO_EXEC_MAPPINGS | NO_BLOCK_MAPPINGS
				    make_ro: update_mapping_prot [0xffff000000000000, +64K) PAGE_KERNEL_RO
				  }
				}
				checks still_clean on cont {
				  wx_clean
				}
				""");

		Cli.Result r = Cli.run("run", file.toString());

		// 6.18: update_mapping_prot rewrites live contiguous PTEs, which pgattr_change_is_safe() refuses
		assertEquals(1, r.exit(), r::toString);
		assertTrue(r.out().contains("\n    BUG make_ro: update_mapping_prot"), r::toString);
		assertTrue(r.out().contains("\n      at " + file + ":17\n"), r::toString); // as the user named the file
	}

	@Test
	void aFileWithSeveralRunsNeedsSeries() {
		Cli.Result r = Cli.run("ptdump", REVIEW);

		assertEquals(2, r.exit(), r::toString);
		assertEquals("pagewright-cli: " + REVIEW + ": several runs; choose --series among: data_bss_v4, linux_7_1, "
				+ "data_bss_v4 --with qemu_7_1_no_bbml2\n", r.err());
	}

	@Test
	void anUnknownPatchOrPhaseIsOneLineWithExitTwo() {
		Cli.Result patch = Cli.run("ptdump", REVIEW, "--series", "data_bss_v4", "--after", "99");
		Cli.Result phase = Cli.run("diff", REVIEW, "--series", "data_bss_v4", "--from", "14", "--to", "15",
				"--phase", "teatime");

		assertEquals(2, patch.exit(), patch::toString);
		assertTrue(patch.err().startsWith("pagewright-cli: data_bss_v4 has no patch 99; revisions: 0, 13, 14, 15"),
				patch::toString);
		assertEquals(2, phase.exit(), phase::toString);
		assertTrue(phase.err().startsWith("pagewright-cli: no phase 'teatime'; phases: boot, runtime"), phase::toString);
	}

	@Test
	void aFileThatDoesNotValidateIsItsDiagnosticsWithExitOne() throws IOException {
		Path file = Files.writeString(dir.resolve("typo.layout"), "platform p {\n  va_bitz 48\n}\n");

		Cli.Result r = Cli.run("run", file.toString());

		assertEquals(1, r.exit(), r::toString);
		assertTrue(r.err().startsWith(file + ":2:"), r::toString);
	}

	@Test
	void aDirectoryWhereAFileIsExpectedIsOneLineWithExitTwo() {
		Cli.Result r = Cli.run("ptdump", dir.toString());

		assertEquals(2, r.exit(), r::toString);
		assertEquals("pagewright-cli: " + dir + ": is a directory, not a .layout file\n", r.err());
	}
}
