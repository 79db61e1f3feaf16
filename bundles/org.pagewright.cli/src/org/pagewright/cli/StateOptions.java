package org.pagewright.cli;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.pagewright.config.Phase;
import org.pagewright.config.run.RevisionResult;
import org.pagewright.config.run.StateView;
import org.pagewright.lang.generator.LayoutChecks;

import picocli.CommandLine.Option;

/** Which run, revision and phase of a layout file a subcommand shows: --series, --after, --phase, --with. */
final class StateOptions {

	@Option(names = "--series", paramLabel = "S", description = "the series or policy (default: the file's only one)")
	String series;

	@Option(names = "--phase", paramLabel = "P", description = "boot, runtime (the default), hibernation_prepare, "
			+ "snapshot, post_hibernation or restore")
	String phase;

	@Option(names = "--with", paramLabel = "PLATFORM",
			description = "the run on another platform, as a checks block's 'with' names it")
	String with;

	/** The run these options name among a file's runs; the choices are listed when they name none or several. */
	LayoutChecks.Run run(LayoutWorkspace.Loaded file, List<LayoutChecks.Run> runs) throws InputException {
		// compilations are named "series" on the policy's platform and "series@platform" for a checks block's with
		String wanted = series == null ? null : with == null ? series : series + "@" + with;
		Predicate<String> named = wanted != null ? wanted::equals
				: with != null ? name -> name.endsWith("@" + with) : name -> !name.contains("@");
		List<LayoutChecks.Run> matching = runs.stream().filter(r -> named.test(r.compilation().name())).toList();
		if (matching.size() == 1) {
			return matching.get(0);
		}
		String choices = runs.stream().map(r -> r.compilation().name().replace("@", " --with "))
				.collect(Collectors.joining(", "));
		if (runs.isEmpty()) {
			throw new InputException(file.file() + ": has no series, and no policy with checks, to run");
		}
		throw new InputException(file.file() + ": " + (matching.isEmpty() ? "no run " + describe(wanted)
				: "several runs") + "; choose --series among: " + choices);
	}

	/** The state of a run after patch {@code patch} (null: the last) at the end of the phase these options name. */
	StateView state(LayoutChecks.Run run, Integer patch) throws InputException {
		RevisionResult revision = revision(run, patch);
		Phase p = phase();
		Optional<StateView> found = run.result().state(revision.patch(), p);
		if (found.isEmpty()) {
			throw new InputException(run.compilation().name() + ": the " + revision.label() + " has no "
					+ p.getLiteral() + " phase; it has: "
					+ revision.phases().stream().map(r -> r.phase().getLiteral()).collect(Collectors.joining(", ")));
		}
		return found.get();
	}

	Phase phase() throws InputException {
		if (phase == null) {
			return Phase.RUNTIME;
		}
		Phase p = Phase.get(phase);
		if (p == null) {
			throw new InputException("no phase '" + phase + "'; phases: " + Phase.VALUES.stream()
					.map(Phase::getLiteral).collect(Collectors.joining(", ")));
		}
		return p;
	}

	/** The revision after patch {@code patch} (0 = the baseline), or the last one when null. */
	static RevisionResult revision(LayoutChecks.Run run, Integer patch) throws InputException {
		List<RevisionResult> revisions = run.result().revisions();
		if (revisions.isEmpty()) {
			throw new InputException(run.compilation().name() + " produced no revision: "
					+ String.join("; ", run.result().problems()));
		}
		if (patch == null) {
			return revisions.get(revisions.size() - 1);
		}
		return revisions.stream().filter(r -> r.patch() == patch).findFirst()
				.orElseThrow(() -> new InputException(run.compilation().name() + " has no patch " + patch
						+ "; revisions: " + revisions.stream().map(r -> String.valueOf(r.patch()))
								.collect(Collectors.joining(", ")) + " (0 = baseline)"));
	}

	private String describe(String wanted) {
		return wanted == null ? "on platform " + with : "'" + series + "'" + (with == null ? "" : " with " + with);
	}
}
