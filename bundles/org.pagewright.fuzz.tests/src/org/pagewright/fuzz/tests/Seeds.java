package org.pagewright.fuzz.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The inputs mutation starts from: every example, every test layout and finding (each with the files of its folder,
 * so imports resolve), and every capture.
 */
final class Seeds {

	private Seeds() {
	}

	/** The repository root: -Dfuzz.root (set by the pom), else two folders above the working directory. */
	static Path root() {
		String root = System.getProperty("fuzz.root");
		return (root == null || root.isBlank() ? Paths.get("../..") : Paths.get(root)).toAbsolutePath().normalize();
	}

	static List<Pipeline.Input> layouts() {
		Path root = root();
		List<Pipeline.Input> seeds = new ArrayList<>();
		for (Path folder : List.of(root.resolve("examples"), root.resolve("bundles/org.pagewright.lang.tests/resources"),
				root.resolve("bundles/org.pagewright.fuzz.tests/resources/findings"))) {
			for (Path file : files(folder, ".layout")) {
				Map<String, String> texts = new LinkedHashMap<>();
				texts.put("main.layout", read(file));
				for (Path sibling : files(file.getParent(), ".layout")) {
					if (!sibling.equals(file) && sibling.getParent().equals(file.getParent())) {
						texts.put(sibling.getFileName().toString(), read(sibling));
					}
				}
				seeds.add(new Pipeline.Input(root.relativize(file).toString(), texts));
			}
		}
		if (seeds.isEmpty()) {
			throw new IllegalStateException("no seed layouts under " + root);
		}
		return seeds;
	}

	static List<String> captures() {
		Path root = root();
		List<String> out = new ArrayList<>();
		for (Path folder : List.of(root.resolve("bundles/org.pagewright.arm64.tests/resources/captures"),
				root.resolve("bundles/org.pagewright.fuzz.tests/resources/findings"))) {
			files(folder, ".log").forEach(f -> out.add(read(f)));
		}
		return out;
	}

	private static List<Path> files(Path folder, String suffix) {
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		try (Stream<Path> s = Files.walk(folder)) {
			return s.filter(p -> p.toString().endsWith(suffix) && !p.toString().contains("/target/")).sorted().toList();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.ISO_8859_1);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
