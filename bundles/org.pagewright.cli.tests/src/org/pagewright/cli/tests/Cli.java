package org.pagewright.cli.tests;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.pagewright.cli.PagewrightCommand;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import picocli.CommandLine;

/** The command line run in-process, as a user or a CI job runs it: exit code, stdout, stderr. */
final class Cli {
	/** The repository's example layouts (the tests run in their bundle's folder). */
	static final Path EXAMPLES = Path.of("../../examples").toAbsolutePath().normalize();
	static final String[] CAPTURES = { "k61-max-1G-nokaslr", "k612-max-1G-nokaslr", "k612-a57-1G-nokaslr",
			"k73-max-1G-nokaslr" };

	record Result(int exit, String out, String err) {
		JsonObject json() {
			return JsonParser.parseString(out).getAsJsonObject();
		}

		@Override
		public String toString() {
			return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
		}
	}

	private Cli() {
	}

	static Result run(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		CommandLine cli = PagewrightCommand.commandLine();
		cli.setOut(new PrintWriter(out, true));
		cli.setErr(new PrintWriter(err, true));
		int exit = cli.execute(args);
		return new Result(exit, out.toString(), err.toString());
	}

	/** A test resource copied into a folder, e.g. {@code captures/k73-max-1G-nokaslr.log}. */
	static Path resource(String name, Path dir) throws IOException {
		Path target = dir.resolve(Path.of(name).getFileName().toString());
		try (InputStream in = Cli.class.getResourceAsStream("/" + name)) {
			if (in == null) {
				throw new IOException("no test resource " + name);
			}
			Files.copy(in, target);
		}
		return target;
	}

	static Path capture(String name, Path dir) throws IOException {
		return resource("captures/" + name + ".log", dir);
	}
}
