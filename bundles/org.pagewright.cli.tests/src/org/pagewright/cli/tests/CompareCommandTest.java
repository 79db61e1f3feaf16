package org.pagewright.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;

/** {@code compare REAL.kpt.txt FILE.layout}: per section, the lines and mapped bytes that agree; exit 0 only if all do. */
class CompareCommandTest {

	@TempDir
	Path dir;

	@Test
	void theImportedK73LayoutReproducesTheRealLinearMapLineForLine() throws IOException {
		Path kpt = Cli.resource("captures/k73-max-1G-nokaslr.kpt.txt", dir);
		Path layout = dir.resolve("k73.layout");
		assertEquals(0, Cli.run("import", Cli.capture("k73-max-1G-nokaslr", dir).toString(), "-o", layout.toString())
				.exit());

		Cli.Result r = Cli.run("compare", kpt.toString(), layout.toString(), "--section", "linear mapping");

		assertEquals(0, r.exit(), r::toString);
		assertEquals("compare " + kpt + " with k73_boot baseline runtime:\n"
				+ "Linear Mapping start: lines 15/15 (100.0%), mapped bytes 1G/1G (100.0%)\n"
				+ "1 of 1 section(s) agree line for line (- real only, + simulated only)\n", r.out());
	}

	@Test
	void theExampleWithoutTheRunTimeIslandsDiffersAndSaysWhere() throws IOException {
		Path kpt = Cli.resource("captures/k73-max-1G-nokaslr.kpt.txt", dir);

		Cli.Result r = Cli.run("compare", kpt.toString(), Cli.EXAMPLES.resolve("qemu-virt/boot-7.3.4.layout").toString(),
				"--section", "Linear Mapping", "--format", "json");

		// the example does not declare the module/BPF pages made read-only at run time (4K ro islands)
		assertEquals(1, r.exit(), r::toString);
		JsonObject linear = r.json().getAsJsonArray("sections").get(0).getAsJsonObject();
		assertEquals("Linear Mapping start", linear.get("section").getAsString());
		assertEquals(15, linear.get("lines").getAsInt());
		assertTrue(linear.get("matchedLines").getAsInt() < 15, linear::toString);
		assertTrue(linear.getAsJsonArray("realOnly").asList().stream()
				.anyMatch(l -> l.getAsString().startsWith("0xfff00000061ac000-0xfff00000061ad000") && l.getAsString()
						.contains(" ro ")), linear::toString);
		// the bytes that disagree are those islands: a 2M and two 4K ranges mapped read-only by the real kernel
		assertEquals((2 << 20) + 2 * 4096, linear.get("mappedBytes").getAsLong() - linear.get("agreeingBytes")
				.getAsLong(), linear::toString);
		Cli.Result text = Cli.run("compare", kpt.toString(),
				Cli.EXAMPLES.resolve("qemu-virt/boot-7.3.4.layout").toString(), "--section", "Linear Mapping");
		assertTrue(text.out().contains("\nLinear Mapping start: lines 8/15 (53.3%), mapped bytes 1046520K/1G (99.8%)\n"),
				text::toString);
	}

	@Test
	void everySectionIsComparedByDefaultAndTheRunTimeContentOnlyWhenAsked() throws IOException {
		Path kpt = Cli.resource("captures/k73-max-1G-nokaslr.kpt.txt", dir);
		Path layout = dir.resolve("k73.layout");
		Cli.run("import", Cli.capture("k73-max-1G-nokaslr", dir).toString(), "-o", layout.toString());

		Cli.Result r = Cli.run("compare", kpt.toString(), layout.toString());
		Cli.Result all = Cli.run("compare", "--include-runtime", kpt.toString(), layout.toString());

		assertEquals(0, r.exit(), r::toString);
		assertTrue(r.out().contains("\nLinear Mapping start: lines 15/15 (100.0%)"), r::toString);
		assertTrue(r.out().contains("\nModules start: lines "), r::toString);
		assertTrue(r.out().contains("\n10 of 10 section(s) agree"), r::toString);
		// the observed copy holds what the hardware walk decoded; one vmalloc mapping of this capture it did not
		assertEquals(1, all.exit(), all::toString);
		assertTrue(all.out().contains("\nvmalloc() area: lines 179/182 (98.3%)"), all::toString);
	}

	@Test
	void aRealDumpThatIsNoDumpIsOneLineWithExitTwo() throws IOException {
		Path notes = Files.writeString(dir.resolve("notes.kpt.txt"), "just some notes\n");

		Cli.Result r = Cli.run("compare", notes.toString(), Cli.EXAMPLES.resolve("qemu-virt/boot-7.3.4.layout")
				.toString());
		Cli.Result missing = Cli.run("compare", dir.resolve("none.kpt.txt").toString(),
				Cli.EXAMPLES.resolve("qemu-virt/boot-7.3.4.layout").toString());

		assertEquals(2, r.exit(), r::toString);
		assertEquals("pagewright-cli: " + notes + ":1: not a kernel_page_tables dump: neither a marker nor a range "
				+ "line: 'just some notes'\n", r.err());
		assertEquals(2, missing.exit(), missing::toString);
		assertEquals("pagewright-cli: " + dir.resolve("none.kpt.txt") + ": no such file\n", missing.err());
	}
}
