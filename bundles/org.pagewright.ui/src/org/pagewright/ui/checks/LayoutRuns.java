package org.pagewright.ui.checks;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.eclipse.core.resources.IFile;
import org.pagewright.config.run.CheckVerdict;
import org.pagewright.lang.generator.LayoutChecks;

/**
 * The latest run of each layout file in the workbench (after a save or the Run command), for the Page Tables view
 * and the status feedback. Listeners are told on the thread that finished the run.
 */
public final class LayoutRuns {

	/**
	 * One run of a file.
	 *
	 * @param runs every series (and platform variant) compiled and run; empty when the file did not validate
	 * @param errors why the file was not run or what broke while running it (validation errors, an engine failure)
	 * @param millis how long validation, compilation, simulation and checks took
	 */
	public record FileRun(IFile file, List<LayoutChecks.Run> runs, List<String> errors, long millis) {

		public FileRun {
			runs = List.copyOf(runs);
			errors = List.copyOf(errors);
		}

		public List<CheckVerdict> verdicts() {
			return runs.stream().filter(r -> r.result() != null).flatMap(r -> r.result().verdicts().stream()).toList();
		}

		/** "44 checks: 44 passed (312 ms)", "44 checks: 2 failed (…)" or why nothing ran. */
		public String summary() {
			if (runs.isEmpty() && !errors.isEmpty()) {
				return "Not run: " + errors.get(0) + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "");
			}
			List<CheckVerdict> verdicts = verdicts();
			long failed = verdicts.stream().filter(v -> !v.passed()).count();
			long problems = runs.stream().mapToLong(r -> r.failures().size()).sum() - failed;
			if (verdicts.isEmpty() && problems == 0) {
				return "no checks to judge (" + runs.size() + " series or policies ran, " + millis + " ms)";
			}
			String checks = verdicts.size() + " checks: " + (failed == 0 ? verdicts.size() + " passed" : failed + " failed");
			String other = problems > 0 ? ", " + problems + " other problem(s)" : "";
			return checks + other + " (" + millis + " ms)";
		}
	}

	private static final Map<IFile, FileRun> LATEST = new ConcurrentHashMap<>();
	private static final List<Consumer<FileRun>> LISTENERS = new CopyOnWriteArrayList<>();

	private LayoutRuns() {
	}

	public static Optional<FileRun> latest(IFile file) {
		return Optional.ofNullable(LATEST.get(file));
	}

	public static void addListener(Consumer<FileRun> listener) {
		LISTENERS.add(listener);
	}

	public static void removeListener(Consumer<FileRun> listener) {
		LISTENERS.remove(listener);
	}

	static void publish(FileRun run) {
		LATEST.put(run.file(), run);
		LISTENERS.forEach(l -> l.accept(run));
	}
}
