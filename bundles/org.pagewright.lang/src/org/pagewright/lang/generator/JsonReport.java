package org.pagewright.lang.generator;

import org.pagewright.config.run.CheckVerdict;
import org.pagewright.config.run.OperationOutcome;
import org.pagewright.config.run.PhaseResult;
import org.pagewright.config.run.RevisionResult;
import org.pagewright.config.run.RunResult;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/** The machine-readable form of a run: revisions, phases (operations with their results, table pages, diff), verdicts. */
public final class JsonReport {
	private JsonReport() {
	}

	static String of(RunResult result) {
		return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(tree(result)) + "\n";
	}

	/** The report as a JSON tree, for front ends that embed it in a document of their own (the command line). */
	public static JsonObject tree(RunResult result) {
		JsonObject root = new JsonObject();
		root.addProperty("configuration", result.configuration());
		root.addProperty("passed", result.passed());
		JsonArray problems = new JsonArray();
		result.problems().forEach(problems::add);
		root.add("problems", problems);
		JsonArray revisions = new JsonArray();
		for (RevisionResult r : result.revisions()) {
			JsonObject rev = new JsonObject();
			rev.addProperty("patch", r.patch());
			rev.addProperty("title", r.title());
			JsonArray phases = new JsonArray();
			for (PhaseResult p : r.phases()) {
				JsonObject phase = new JsonObject();
				phase.addProperty("phase", p.phase().getLiteral());
				phase.addProperty("tablePages", p.tablePages());
				JsonArray ops = new JsonArray();
				for (OperationOutcome o : p.outcomes()) {
					JsonObject op = new JsonObject();
					op.addProperty("operation", o.operation());
					op.addProperty("origin", o.origin());
					op.addProperty("errno", o.errno());
					op.addProperty("result", o.result());
					op.addProperty("bug", o.bug());
					JsonArray warnings = new JsonArray();
					o.warnings().forEach(warnings::add);
					op.add("warnings", warnings);
					ops.add(op);
				}
				phase.add("operations", ops);
				JsonArray diff = new JsonArray();
				p.diffToPrevious().forEach(diff::add);
				phase.add("diffToPrevious", diff);
				phases.add(phase);
			}
			rev.add("phases", phases);
			JsonArray verdicts = new JsonArray();
			for (CheckVerdict v : r.verdicts()) {
				JsonObject verdict = new JsonObject();
				verdict.addProperty("check", v.description());
				verdict.addProperty("source", v.source());
				verdict.addProperty("phase", v.phase().getLiteral());
				verdict.addProperty("passed", v.passed());
				verdict.addProperty("reason", v.reason());
				verdicts.add(verdict);
			}
			rev.add("verdicts", verdicts);
			revisions.add(rev);
		}
		root.add("revisions", revisions);
		return root;
	}
}
