package org.pagewright.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The layout files named on a command line: a file as given, a directory as every {@code *.layout} under it. An
 * input that cannot be used becomes a one-line problem, and the others still count.
 */
record LayoutFiles(List<Path> files, List<String> problems) {

	static final String EXTENSION = ".layout";

	static LayoutFiles expand(List<Path> inputs) {
		List<Path> files = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		for (Path input : inputs) {
			if (Files.isDirectory(input)) {
				List<Path> found = layoutsUnder(input, problems);
				if (found.isEmpty()) {
					problems.add(input + ": directory without " + EXTENSION + " files");
				}
				found.stream().filter(f -> !files.contains(f)).forEach(files::add);
			} else {
				try {
					Path file = single(input);
					if (!files.contains(file)) {
						files.add(file);
					}
				} catch (InputException e) {
					problems.add(e.getMessage());
				}
			}
		}
		return new LayoutFiles(List.copyOf(files), List.copyOf(problems));
	}

	/** A single layout file that exists and is readable, else why not. */
	static Path single(Path input) throws InputException {
		if (Files.isDirectory(input)) {
			throw new InputException(input + ": is a directory, not a " + EXTENSION + " file");
		}
		if (!Files.exists(input)) {
			throw new InputException(input + ": no such file");
		}
		if (!input.getFileName().toString().endsWith(EXTENSION)) {
			throw new InputException(input + ": not a " + EXTENSION + " file");
		}
		if (!Files.isReadable(input)) {
			throw new InputException(input + ": cannot be read");
		}
		return input;
	}

	private static List<Path> layoutsUnder(Path dir, List<String> problems) {
		try (Stream<Path> walk = Files.walk(dir)) {
			return walk.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(EXTENSION))
					.sorted().toList();
		} catch (IOException | java.io.UncheckedIOException e) {
			problems.add(dir + ": cannot be listed: " + e.getMessage());
			return List.of();
		}
	}
}
