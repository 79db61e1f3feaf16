package org.pagewright.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The product's start scripts pass the JVM options that silence the four sun.misc.Unsafe warnings Guice causes on
 * JDK 24+, and only to JDKs that know them. (CI runs the packaged pagewright-cli and requires an empty stderr.)
 */
class StartScriptTest {
	private static final Path ROOTFILES = Path.of("../../features/org.pagewright.feature/rootfiles");
	private static final Path JAVA_HOME = Path.of(System.getProperty("java.home"));

	@Test
	void theOptionsAreTheOnesThisJdkNeedsAndAccepts() throws Exception {
		String options = shell(". " + ROOTFILES.resolve("pagewright-env.sh") + "; JAVA_HOME=" + JAVA_HOME
				+ "; pw_java_options").trim();

		if (Runtime.version().feature() >= 23) {
			assertEquals("--sun-misc-unsafe-memory-access=allow", options);
		} else {
			assertEquals("", options);
		}
		List<String> command = new ArrayList<>(List.of(JAVA_HOME.resolve("bin/java").toString()));
		if (!options.isEmpty()) {
			command.add(options);
		}
		command.add("-version");
		Process java = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertEquals(0, java.waitFor(), output);
	}

	@Test
	void everyJavaCommandOfTheProductTakesThem() throws IOException {
		for (String script : new String[] { "pagewright", "pagewright-cli", "pagewright-ls" }) {
			String text = Files.readString(ROOTFILES.resolve(script));
			assertTrue(text.contains("exec \"$JAVA_HOME/bin/java\" $(pw_java_options) "), script + ":\n" + text);
			assertFalse(text.lines().anyMatch(l -> l.contains("bin/java\"") && !l.contains("pw_java_options")),
					script + " starts a JVM without the options");
		}
	}

	/**
	 * pagewright-cli starts its JVM with the product's AOT cache where there is one and the JDK (25+) reads it, with
	 * the cache's own logging off (a cache it cannot use is ignored, and CI requires an empty stderr); the build's
	 * training run asks for the cache to be written instead; JDK 25 also gets compact object headers. A fake JDK
	 * prints the command line it is given.
	 */
	@ParameterizedTest
	@CsvSource({ "25, true, false, -XX:AOTCache=", "25, false, false, ", "25, false, true, -XX:AOTCacheOutput=",
			"21, true, false, ", "21, false, true, " })
	void theCommandLineUsesTheProductsAotCacheOnlyWhereItCan(int feature, boolean cached, boolean training,
			String expected, @TempDir Path dir) throws Exception {
		Path product = Files.createDirectories(dir.resolve("product"));
		for (String file : new String[] { "pagewright-cli", "pagewright-env.sh" }) {
			Files.copy(ROOTFILES.resolve(file), product.resolve(file));
		}
		if (cached) {
			Files.writeString(product.resolve("pagewright-cli.aot"), "a cache");
		}
		Path jdk = fakeJdk(dir, feature);

		String line = shell("JAVA_HOME=" + jdk + (training ? " PAGEWRIGHT_CLI_AOT_TRAINING=1" : "")
				+ " sh " + product.resolve("pagewright-cli") + " check x.layout").trim();

		assertTrue(line.endsWith(" org.pagewright.cli.PagewrightCommand check x.layout"), line);
		assertTrue(line.contains("-XX:+UseParallelGC"), line);
		assertEquals(feature >= 25, line.contains("-XX:+UseCompactObjectHeaders"), line); // JDK 24 has it experimental
		if (expected == null) {
			assertFalse(line.contains("AOT") || line.contains("-Xlog"), line);
		} else {
			assertTrue(line.contains(" " + expected + product.resolve("pagewright-cli.aot") + " -Xlog:aot=off "
					+ "-Xlog:cds=off "), line);
		}
	}

	/**
	 * The unsigned copies the product's build makes of signed jars (cli-lib/, for the AOT cache) come before
	 * plugins/ on the class path, each only while its jar is still in plugins/: a copy left from another build of
	 * the product must not shadow the jar it now has.
	 */
	@Test
	void unsignedCopiesComeFirstWhileTheirJarIsInThePlugins(@TempDir Path dir) throws Exception {
		Path product = Files.createDirectories(dir.resolve("product"));
		for (String file : new String[] { "pagewright-cli", "pagewright-env.sh" }) {
			Files.copy(ROOTFILES.resolve(file), product.resolve(file));
		}
		Files.createDirectories(product.resolve("plugins"));
		Files.createDirectories(product.resolve("cli-lib"));
		for (String jar : new String[] { "plugins/a_1.jar", "plugins/b_1.jar", "cli-lib/a_1.jar", "cli-lib/b_0.jar" }) {
			Files.writeString(product.resolve(jar), "");
		}
		Path jdk = fakeJdk(dir, 25);

		String line = shell("JAVA_HOME=" + jdk + " sh " + product.resolve("pagewright-cli") + " check x.layout").trim();

		assertTrue(line.contains(" -cp " + product.resolve("cli-lib/a_1.jar") + ":" + product.resolve("plugins") + "/* "),
				line);
		assertFalse(line.contains("b_0.jar"), line);
	}

	/** A JDK of that feature version whose java prints the command line it is given. */
	private static Path fakeJdk(Path dir, int feature) throws IOException {
		Path bin = Files.createDirectories(dir.resolve("jdk/bin"));
		Files.writeString(dir.resolve("jdk/release"), "JAVA_VERSION=\"" + feature + ".0.1\"\n");
		Files.writeString(bin.resolve("java"), "#!/bin/sh\necho \"$@\"\n");
		Files.writeString(bin.resolve("javac"), "#!/bin/sh\n");
		bin.resolve("java").toFile().setExecutable(true);
		bin.resolve("javac").toFile().setExecutable(true);
		return dir.resolve("jdk");
	}

	private static String shell(String script) throws Exception {
		Process sh = new ProcessBuilder("sh", "-c", script).redirectError(ProcessBuilder.Redirect.INHERIT).start();
		String out = new String(sh.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertEquals(0, sh.waitFor(), script);
		return out;
	}
}
