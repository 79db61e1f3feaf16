package org.pagewright.cli;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.xtext.validation.Issue;
import org.pagewright.arm64.ptdump.PtdumpRow;
import org.pagewright.config.run.StateView;
import org.pagewright.lang.generator.LayoutChecks;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/** The JSON objects several subcommands share (shapes documented in the README). */
final class Json {
	private Json() {
	}

	/** {@code {file, line, column, severity, message}}. */
	static JsonObject diagnostic(Path file, Issue issue) {
		JsonObject o = new JsonObject();
		o.addProperty("file", LayoutWorkspace.where(file, issue).toString());
		o.addProperty("line", issue.getLineNumber() == null ? 0 : issue.getLineNumber());
		o.addProperty("column", issue.getColumn() == null ? 0 : issue.getColumn());
		o.addProperty("severity", issue.getSeverity().name().toLowerCase());
		o.addProperty("message", issue.getMessage());
		return o;
	}

	/** {@code {[file,] line, column, subject, revision, patch, phase, check, passed, reason}}: file when imported. */
	static JsonObject verdict(Path checked, LayoutChecks.LocatedVerdict v) {
		JsonObject o = new JsonObject();
		Path in = LayoutWorkspace.where(checked, v.file());
		if (!in.equals(checked)) {
			o.addProperty("file", in.toString());
		}
		o.addProperty("line", v.line());
		o.addProperty("column", v.column());
		o.addProperty("subject", v.subject());
		o.addProperty("revision", revision(v.verdict().patch()));
		o.addProperty("patch", v.verdict().patch());
		o.addProperty("phase", v.verdict().phase().getLiteral());
		o.addProperty("check", v.verdict().description());
		o.addProperty("passed", v.verdict().passed());
		o.addProperty("reason", v.verdict().reason());
		return o;
	}

	/** {@code {file, run, revision, patch, phase, label}}: which state a document is about. */
	static JsonObject state(Path file, StateView view) {
		JsonObject o = new JsonObject();
		o.addProperty("file", file.toString());
		o.addProperty("run", view.configuration());
		o.addProperty("revision", view.revision().label());
		o.addProperty("patch", view.revision().patch());
		o.addProperty("phase", view.phase().phase().getLiteral());
		o.addProperty("label", view.label());
		return o;
	}

	/**
	 * ptdump rows: {@code {type: "marker", name, text}} or {@code {type: "range", section, start, end, size, level,
	 * attributes, kind, prot, text}}, addresses and prot as "0x…" strings (64-bit values do not fit JSON numbers).
	 */
	static JsonArray rows(List<PtdumpRow> rows) {
		JsonArray out = new JsonArray();
		for (PtdumpRow row : rows) {
			JsonObject o = new JsonObject();
			switch (row) {
				case PtdumpRow.Marker m -> {
					o.addProperty("type", "marker");
					o.addProperty("name", m.name());
				}
				case PtdumpRow.Range r -> {
					o.addProperty("type", "range");
					o.addProperty("section", r.section());
					o.addProperty("start", hex(r.start()));
					o.addProperty("end", hex(r.end()));
					o.addProperty("size", r.size());
					o.addProperty("level", r.level());
					o.addProperty("attributes", r.attributes());
					o.addProperty("kind", r.kind().name().toLowerCase());
					o.addProperty("prot", hex(r.prot()));
				}
			}
			o.addProperty("text", row.text());
			out.add(o);
		}
		return out;
	}

	static String hex(long value) {
		return String.format("0x%016x", value);
	}

	/** "baseline" or "patch 13". */
	static String revision(int patch) {
		return patch == 0 ? "baseline" : "patch " + patch;
	}
}
