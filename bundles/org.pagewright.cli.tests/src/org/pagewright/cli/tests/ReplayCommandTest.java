package org.pagewright.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;

/** {@code replay}: the capture's CPU or the one given decides; every assumed: line says which CPU and whence. */
class ReplayCommandTest {

	@TempDir
	Path dir;

	@Test
	void theDebian73CaptureIsReproducedOnItsOwnCpu() throws IOException {
		Path capture = Cli.capture("k73-max-1G-nokaslr", dir);

		Cli.Result r = Cli.run("replay", capture.toString());

		assertEquals(0, r.exit(), r::toString);
		assertTrue(r.out().startsWith("assumed: CPU MIDR_EL1 0x000f0510 (qemu-max r0p0) from the capture's boot log\n"),
				r::toString);
		assertTrue(r.out().matches("(?s).*\\nk73-max-1G-nokaslr.log: linear 15/15, image 11/11, whole dump (\\d+)/\\1, "
				+ "\\d+ run-time lines observed: reproduced byte for byte\\n"), r::toString);
	}

	@Test
	void aBlockSplittingCpuGivenByNameKeepsTheLinearMapInBlocks() throws IOException {
		Path capture = Cli.capture("k73-max-1G-nokaslr", dir);

		Cli.Result r = Cli.run("replay", capture.toString(), "--cpu", "cortex-x4:r0p3", "--dump");

		// 7.3 on a CPU of the BBML3 allow-list: force_pte_mapping() is false, so the linear map is no longer the
		// captured page-mapped one
		assertEquals(1, r.exit(), r::toString);
		assertTrue(r.out().startsWith("assumed: CPU MIDR_EL1 0x410fd823 (cortex-x4 r0p3) from --cpu cortex-x4:r0p3\n"),
				r::toString);
		assertTrue(r.out().lines().anyMatch(l -> l.startsWith("0xfff0") && l.contains(" PMD ")), r::toString);
		assertTrue(r.out().contains(": NOT reproduced"), r::toString);
	}

	@Test
	void aMidrAndACpuinfoAreUsedAsGivenAndNamedAsTheSource() throws IOException {
		Path capture = Cli.capture("k73-max-1G-nokaslr", dir);
		Path cpuinfo = Files.writeString(dir.resolve("cpuinfo"), """
				processor	: 0
				CPU implementer	: 0x41
				CPU architecture: 8
				CPU variant	: 0x0
				CPU part	: 0xd03
				CPU revision	: 4

				processor	: 1
				CPU implementer	: 0x41
				CPU architecture: 8
				CPU variant	: 0x0
				CPU part	: 0xd05
				CPU revision	: 0
				""");

		// Cortex-A53 and A55: on no BBML2/BBML3 allow-list, and on kpti_safe_list, like the captured CPU in effect
		Cli.Result byMidr = Cli.run("replay", capture.toString(), "--midr", "0x410fd034");
		Cli.Result byCpuinfo = Cli.run("replay", capture.toString(), "--cpuinfo", cpuinfo.toString());

		assertTrue(byMidr.out().contains(": linear 15/15, image 11/11"), byMidr::toString);
		assertTrue(byMidr.out().startsWith("assumed: CPU MIDR_EL1 0x410fd034 (cortex-a53 r0p4) from --midr\n"
				+ "assumed: the capture's kernel log ('CPU features: detected:') describes the captured CPU: set aside, "
				+ "the given CPU's MIDR decides\n"), byMidr::toString);
		assertTrue(byCpuinfo.out().contains(": linear 15/15, image 11/11"), byCpuinfo::toString);
		assertTrue(byCpuinfo.out().startsWith("assumed: CPU MIDR_EL1 0x410fd034 (cortex-a53 r0p4) from --cpuinfo "
				+ cpuinfo + " (2 CPU(s); secondaries also MIDR_EL1 0x410fd050 (cortex-a55 r0p0))\n"), byCpuinfo::toString);
		// the engine replays on both CPUs as stated
		assertTrue(byCpuinfo.out().contains("\nassumed: CPUs as stated: boot CPU MIDR 0x410fd034, secondaries 0x410fd050\n"),
				byCpuinfo::toString);
	}

	@Test
	void jsonCarriesTheAssumptionsAndBothSidesOfEachJudgedPart() throws IOException {
		Cli.Result r = Cli.run("replay", Cli.capture("k73-max-1G-nokaslr", dir).toString(), "--format", "json");

		assertEquals(0, r.exit(), r::toString);
		JsonObject json = r.json();
		assertTrue(json.get("reproduced").getAsBoolean());
		assertEquals("linear 15/15, image 11/11", json.get("summary").getAsString());
		assertEquals(15, json.getAsJsonObject("linear").get("matched").getAsInt());
		assertEquals(json.getAsJsonObject("image").getAsJsonArray("captured"),
				json.getAsJsonObject("image").getAsJsonArray("simulated"));
		assertTrue(json.getAsJsonArray("assumptions").get(0).getAsString().startsWith("CPU MIDR_EL1 0x000f0510"));
	}

	@Test
	void badCpuValuesAreOneLineWithExitTwo() throws IOException {
		Path capture = Cli.capture("k73-max-1G-nokaslr", dir);

		Cli.Result midr = Cli.run("replay", capture.toString(), "--midr", "0xzz");
		Cli.Result cpu = Cli.run("replay", capture.toString(), "--cpu", "pentium");
		Cli.Result both = Cli.run("replay", capture.toString(), "--cpu", "cortex-a53", "--midr", "0x410fd034");
		Cli.Result cpuinfo = Cli.run("replay", capture.toString(), "--cpuinfo", dir.resolve("none").toString());

		assertEquals("pagewright-cli: --midr 0xzz: not a 32-bit hexadecimal MIDR_EL1 value\n", midr.err());
		assertTrue(cpu.err().startsWith("pagewright-cli: --cpu pentium: unknown CPU; known: cortex-a35, "), cpu::toString);
		assertTrue(both.err().contains("mutually exclusive"), both::toString);
		assertEquals("pagewright-cli: --cpuinfo " + dir.resolve("none") + ": no such file\n", cpuinfo.err());
		for (Cli.Result r : new Cli.Result[] { midr, cpu, both, cpuinfo }) {
			assertEquals(2, r.exit(), r::toString);
		}
	}

	@Test
	void aMissingCaptureOrOneThatIsNoCaptureExitsTwoWithoutAStackTrace() throws IOException {
		Path notes = Files.writeString(dir.resolve("notes.txt"), "just some notes\n");

		Cli.Result missing = Cli.run("replay", dir.resolve("k99.log").toString());
		Cli.Result notACapture = Cli.run("replay", notes.toString());

		assertEquals(2, missing.exit(), missing::toString);
		assertEquals("pagewright-cli: " + dir.resolve("k99.log") + ": no such file\n", missing.err());
		assertEquals(2, notACapture.exit(), notACapture::toString);
		assertEquals("pagewright-cli: " + notes + ": not a capture log: no '===== BEGIN name =====' section in it\n",
				notACapture.err());
	}
}
