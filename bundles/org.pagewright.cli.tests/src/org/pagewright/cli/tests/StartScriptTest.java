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

	private static String shell(String script) throws Exception {
		Process sh = new ProcessBuilder("sh", "-c", script).redirectError(ProcessBuilder.Redirect.INHERIT).start();
		String out = new String(sh.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertEquals(0, sh.waitFor(), script);
		return out;
	}
}
