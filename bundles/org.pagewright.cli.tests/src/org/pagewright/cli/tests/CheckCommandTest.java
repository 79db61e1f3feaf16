package org.pagewright.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pagewright.lang.tests.SampleSeries;

import com.google.gson.JsonObject;

/** {@code check FILE|DIR...}: located lines per check, a summary with counts, exit 0/1/2, bad inputs in one line. */
class CheckCommandTest {

	@TempDir
	Path dir;

	private Path write(String name, String text) throws IOException {
		return Files.writeString(dir.resolve(name), text);
	}

	private static long layoutFilesIn(Path dir) {
		try (var files = Files.walk(dir)) {
			return files.filter(f -> f.toString().endsWith(".layout") && !f.toString().contains("/target/")).count();
		} catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	@Test
	void theExamplesHoldAndTheSummaryCountsEveryCheck() {
		Cli.Result r = Cli.run("check", Cli.EXAMPLES.toString());

		assertEquals(0, r.exit(), r::toString);
		assertFalse(r.out().contains("FAIL"), r::toString);
		assertTrue(r.out().matches("(?s).*" + layoutFilesIn(Cli.EXAMPLES) + " file\\(s\\): (\\d+) check\\(s\\), \\1 passed, "
				+ "0 failed; 0 error\\(s\\); 0 input\\(s\\) unusable\\n"), r::toString);
	}

	@Test
	void verboseListsEveryPassedCheckOnItsLineAndColumn() {
		Path file = Cli.EXAMPLES.resolve("review-v4-13/data-bss-v4.layout");

		Cli.Result r = Cli.run("check", "-v", file.toString());

		assertEquals(0, r.exit(), r::toString);
		List<String> passes = r.out().lines().filter(l -> l.contains(": PASS ")).toList();
		assertTrue(passes.size() >= 44, r::toString); // the 44 of the review, and the examples of the table checks
		assertTrue(r.out().contains(file + ":110:3: PASS read page_address(empty_zero_page) expect ok "
				+ "(data_bss_v4 patch 15, runtime) — "), r::toString);
		assertTrue(r.out().endsWith("1 file(s): " + passes.size() + " check(s), " + passes.size()
				+ " passed, 0 failed; 0 error(s); 0 input(s) unusable\n"), r::toString);
	}

	@Test
	void aStepOfAnImportedPolicyIsReportedInTheFileItIsWrittenIn() {
		Path file = Cli.EXAMPLES.resolve("review-v4-13/hibernation-round-trip.layout");
		Path imported = Cli.EXAMPLES.resolve("review-v4-13/data-bss-v4.layout").toAbsolutePath().normalize();

		Cli.Result r = Cli.run("check", "-v", file.toString());

		assertEquals(0, r.exit(), r::toString);
		assertTrue(r.out().contains(imported + ":57:26: PASS unmap_data_alias: set_memory_valid [patch 15] expect ok "
				+ "(data_bss_v4 patch 15, boot)"), r::toString);
		assertTrue(r.out().contains(file + ":45:3: PASS read __bss_start expect fault level 0 translation "
				+ "(data_bss_v4 patch 15, restore)"), r::toString);
		assertFalse(r.out().contains(file + ":57:26:"), "the step's line in the checked file's name: " + r);
	}

	@Test
	void anImportedFileIsNamedAsTheCheckedOneWasRelativeToIt() {
		Path relative = Path.of("").toAbsolutePath().relativize(Cli.EXAMPLES.resolve("review-v4-13"));

		Cli.Result r = Cli.run("check", "-v", relative.resolve("hibernation-round-trip.layout").toString());

		assertTrue(r.out().contains(relative.resolve("data-bss-v4.layout") + ":57:26: PASS unmap_data_alias"), r::toString);
	}

	@Test
	void aFailingCheckIsAFailLineWithItsReasonAndExitsOne() throws IOException {
		Path file = write("bad.layout", SampleSeries.UNMAP_DATA_ALIAS.formatted("ok"));

		Cli.Result r = Cli.run("check", file.toString());

		assertEquals(1, r.exit(), r::toString);
		assertTrue(r.out().contains(file + ":25:3: FAIL read lm_alias(data_start) expect ok (unmap patch 1, runtime) — "
				+ "read 0xffff000000a00000: level 3 translation fault (FSC 0x07"), r::toString);
		assertFalse(r.out().contains("PASS"), "passes only with -v: " + r);
		assertTrue(r.out().contains("3 check(s), 2 passed, 1 failed; 0 error(s)"), r::toString);
	}

	@Test
	void aSyntaxErrorIsADiagnosticOnItsLine() throws IOException {
		Path file = write("typo.layout", "platform p {\n  granule 4K\n  va_bitz 48\n}\n");

		Cli.Result r = Cli.run("check", file.toString());

		assertEquals(1, r.exit(), r::toString);
		assertTrue(r.out().startsWith(file + ":3:"), r::toString);
		assertTrue(r.out().contains("0 check(s), 0 passed, 0 failed; "), r::toString);
	}

	@Test
	void aMissingFileAmongSeveralIsOneLineAndTheOthersStillRun() throws IOException {
		Path ok = write("ok.layout", SampleSeries.UNMAP_DATA_ALIAS.formatted("fault level 3 translation"));
		Path missing = dir.resolve("nowhere.layout");

		Cli.Result r = Cli.run("check", missing.toString(), ok.toString());

		assertEquals(2, r.exit(), r::toString);
		assertEquals("pagewright-cli: " + missing + ": no such file\n", r.err());
		assertTrue(r.out().contains("1 file(s): 3 check(s), 3 passed, 0 failed; 0 error(s); 1 input(s) unusable"),
				r::toString);
	}

	@Test
	void aFileThatIsNoLayoutIsOneLineWithoutAStackTrace() throws IOException {
		Path notes = write("notes.txt", "just some notes\n");

		Cli.Result r = Cli.run("check", notes.toString());

		assertEquals(2, r.exit(), r::toString);
		assertEquals("pagewright-cli: " + notes + ": not a .layout file\n", r.err());
	}

	@Test
	void aFileWithoutChecksSaysThereIsNothingToCheck() throws IOException {
		String series = SampleSeries.UNMAP_DATA_ALIAS.formatted("fault level 3 translation");
		Path empty = write("empty.layout", series.substring(0, series.indexOf("checks review")));
		Path checked = write("ok.layout", SampleSeries.UNMAP_DATA_ALIAS.formatted("fault level 3 translation"));

		Cli.Result r = Cli.run("check", empty.toString(), checked.toString());

		assertEquals(0, r.exit(), r::toString);
		assertTrue(r.out().contains(empty + ": nothing to check: no checks block declares a check\n"), r::toString);
		assertFalse(r.out().contains(checked + ": nothing to check"), r::toString);
	}

	@Test
	void checksThatDoNotRunBecauseOfAnErrorAreNotNothingToCheck() throws IOException {
		Path broken = write("broken.layout",
				SampleSeries.UNMAP_DATA_ALIAS.formatted("fault level 3 translation").replace("granule 4K", "granule 5K"));

		Cli.Result r = Cli.run("check", broken.toString());

		assertEquals(1, r.exit(), r::toString);
		assertFalse(r.out().contains("nothing to check"), r::toString);
	}

	@Test
	void aDirectoryMeansEveryLayoutUnderItAndOneWithoutAnyIsReported() throws IOException {
		write("ok.layout", SampleSeries.UNMAP_DATA_ALIAS.formatted("fault level 3 translation"));
		Path empty = Files.createDirectory(dir.resolve("empty"));

		Cli.Result r = Cli.run("check", dir.toString(), empty.toString());

		assertEquals(2, r.exit(), r::toString);
		assertEquals("pagewright-cli: " + empty + ": directory without .layout files\n", r.err());
		assertTrue(r.out().contains("1 file(s): 3 check(s), 3 passed"), r::toString);
	}

	@Test
	void jsonIsOneDocumentWithFilesVerdictsAndTheSummary() throws IOException {
		Path file = write("bad.layout", SampleSeries.UNMAP_DATA_ALIAS.formatted("ok"));

		Cli.Result r = Cli.run("check", "--format", "json", file.toString(), dir.resolve("gone.layout").toString());

		assertEquals(2, r.exit(), r::toString);
		JsonObject json = r.json();
		JsonObject verdict = json.getAsJsonArray("files").get(0).getAsJsonObject().getAsJsonArray("verdicts").get(0)
				.getAsJsonObject();
		assertEquals(25, verdict.get("line").getAsInt());
		assertEquals(3, verdict.get("column").getAsInt());
		assertEquals("unmap", verdict.get("subject").getAsString());
		assertEquals(1, verdict.get("patch").getAsInt());
		assertFalse(verdict.get("passed").getAsBoolean());
		assertTrue(verdict.get("reason").getAsString().contains("level 3 translation fault"), verdict::toString);
		assertEquals(1, json.getAsJsonObject("summary").get("failed").getAsInt());
		assertEquals(2, json.getAsJsonObject("summary").get("passed").getAsInt());
		assertEquals(dir.resolve("gone.layout") + ": no such file", json.getAsJsonArray("inputErrors").get(0)
				.getAsString());
	}

	@Test
	void anUnknownOptionIsAUsageErrorWithExitTwo() {
		Cli.Result r = Cli.run("check", "--frobnicate", "x.layout");

		assertEquals(2, r.exit(), r::toString);
		assertTrue(r.err().contains("Unknown option: '--frobnicate'"), r::toString);
	}
}
