package org.pagewright.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pagewright.cli.PagewrightCommand;
import org.pagewright.lang.tests.SampleSeries;

import picocli.CommandLine;

/** The command line as a user or a CI job meets it: exit codes, located messages, no stack traces. */
class CommandLineTest {

	@TempDir
	Path dir;

	private final StringWriter out = new StringWriter();
	private final StringWriter err = new StringWriter();

	private int run(String... args) {
		CommandLine cli = PagewrightCommand.commandLine();
		cli.setOut(new PrintWriter(out, true));
		cli.setErr(new PrintWriter(err, true));
		return cli.execute(args);
	}

	private Path write(String name, String text) throws IOException {
		return Files.writeString(dir.resolve(name), text);
	}

	@Test
	void aSeriesWhoseChecksHoldExitsZero() throws IOException {
		Path file = write("ok.layout", SampleSeries.UNMAP_DATA_ALIAS.formatted("fault level 3 translation"));

		assertEquals(0, run("check", file.toString()), err::toString);
		assertTrue(out.toString().contains("0 error(s)"), out::toString);
	}

	@Test
	void aFailingCheckExitsOneWithItsFileLineAndReason() throws IOException {
		Path file = write("bad.layout", SampleSeries.UNMAP_DATA_ALIAS.formatted("ok"));

		assertEquals(1, run("check", file.toString()));
		assertTrue(err.toString().contains(file + ":25:3: error: check failed on patch 1"), err::toString);
		assertTrue(err.toString().contains("level 3 translation fault (FSC 0x07"), err::toString);
	}

	@Test
	void aSyntaxErrorIsReportedOnItsLine() throws IOException {
		Path file = write("typo.layout", "platform p {\n  granule 4K\n  va_bitz 48\n}\n");

		assertEquals(1, run("check", file.toString()));
		assertTrue(err.toString().startsWith(file + ":3:"), err::toString);
	}

	@Test
	void aMissingFileIsAClearMessageAndExitTwo() {
		assertEquals(2, run("check", dir.resolve("nowhere.layout").toString()));
		assertTrue(err.toString().contains("no such file"), err::toString);
		assertFalse(err.toString().contains("Exception"), err::toString);
	}

	@Test
	void replayingAMissingCaptureSaysSoWithExitTwo() {
		assertEquals(2, run("replay", dir.resolve("k99.log").toString()));
		assertTrue(err.toString().contains("no such file: "), err::toString);
	}

	@Test
	void anUnknownOptionIsAUsageErrorWithExitTwo() {
		assertEquals(2, run("check", "--frobnicate", "x.layout"));
		assertTrue(err.toString().contains("Unknown option"), err::toString);
	}

	@Test
	void replayingTheDebian73CaptureReproducesIt() throws IOException {
		Path capture = dir.resolve("k73.log");
		try (InputStream in = getClass().getResourceAsStream("/captures/k73-max-1G-nokaslr.log")) {
			Files.copy(in, capture);
		}

		assertEquals(0, run("replay", capture.toString()), err::toString);
		assertTrue(out.toString().contains("k73.log: linear 15/15, image 11/11, reproduced byte for byte"), out::toString);
	}

	@Test
	void replayingSomethingThatIsNoCaptureExitsTwoWithItsProblems() throws IOException {
		Path notACapture = write("notes.txt", "just some notes\n");

		assertEquals(2, run("replay", notACapture.toString()));
		assertFalse(err.toString().isBlank());
		assertFalse(err.toString().contains("Exception"), err::toString);
	}
}
