package org.pagewright.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;

import picocli.CommandLine.Option;

/** {@code --format text|json}: JSON is one document on stdout, its shape documented in the README. */
final class OutputFormat {

	enum Format {
		text, json
	}

	@Option(names = "--format", defaultValue = "text", paramLabel = "text|json",
			description = "text (default) or json: one JSON document on stdout")
	Format format;

	boolean json() {
		return format == Format.json;
	}

	static String toJson(JsonElement document) {
		return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create().toJson(document);
	}
}
