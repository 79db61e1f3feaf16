package org.pagewright.fuzz.tests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.log4j.AppenderSkeleton;
import org.apache.log4j.Level;
import org.apache.log4j.Logger;
import org.apache.log4j.spi.LoggingEvent;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.pagewright.arm64.capture.Capture;
import org.pagewright.arm64.capture.CaptureReplay;
import org.pagewright.arm64.capture.Parsed;
import org.pagewright.lang.LayoutStandaloneSetup;
import org.pagewright.lang.generator.LayoutChecks;
import org.pagewright.lang.layout.Model;

import com.google.inject.Injector;

/**
 * The product's pipeline in one JVM, as the command line drives it: a layout file (with the files it imports) is
 * parsed, validated and, when valid, compiled, run and judged; a capture is parsed and replayed. Records what a user
 * would see — the issues — and what they must never see: a Throwable, a library logging at ERROR.
 */
final class Pipeline {

	/** A layout input: file name to text; the first file is the one checked, the others are there to be imported. */
	record Input(String name, Map<String, String> files) {
		static Input of(String name, String text) {
			Map<String, String> files = new LinkedHashMap<>();
			files.put("main.layout", text);
			return new Input(name, files);
		}

		String mainText() {
			return files.values().iterator().next();
		}
	}

	/** What one input produced. */
	record Outcome(List<Issue> issues, int verdicts, Throwable crash, List<String> errorLogs, long nanos) {
		List<Issue> errors() {
			return issues.stream().filter(i -> i.getSeverity() == Severity.ERROR).toList();
		}
	}

	private final Injector injector = new LayoutStandaloneSetup().createInjectorAndDoEMFRegistration();
	private final IResourceValidator validator = injector.getInstance(IResourceValidator.class);
	private final Path scratch;
	private int counter;
	private final List<String> logged = new ArrayList<>();

	Pipeline(Path scratch) {
		this.scratch = scratch;
		Logger.getRootLogger().addAppender(new AppenderSkeleton() {
			@Override
			protected void append(LoggingEvent event) {
				if (event.getLevel().isGreaterOrEqual(Level.ERROR)) {
					synchronized (logged) {
						logged.add(event.getLoggerName() + ": " + event.getRenderedMessage()
								+ (event.getThrowableInformation() == null ? ""
										: " (" + event.getThrowableInformation().getThrowable() + ")"));
					}
				}
			}

			@Override
			public void close() {
			}

			@Override
			public boolean requiresLayout() {
				return false;
			}
		});
	}

	Outcome layout(Input input) {
		long start = System.nanoTime();
		int mark = mark();
		List<Issue> issues = new ArrayList<>();
		int verdicts = 0;
		Throwable crash = null;
		try {
			Path dir = Files.createDirectories(scratch.resolve("in" + counter++));
			Path main = null;
			for (Map.Entry<String, String> file : input.files().entrySet()) {
				Path p = dir.resolve(file.getKey());
				Files.writeString(p, file.getValue(), StandardCharsets.UTF_8);
				main = main == null ? p : main;
			}
			XtextResourceSet resources = injector.getInstance(XtextResourceSet.class);
			Resource resource = resources.getResource(URI.createFileURI(main.toString()), true);
			issues.addAll(validator.validate(resource, CheckMode.ALL, CancelIndicator.NullImpl));
			boolean valid = issues.stream().noneMatch(i -> i.getSeverity() == Severity.ERROR);
			if (valid && !resource.getContents().isEmpty() && resource.getContents().get(0) instanceof Model model) {
				List<LayoutChecks.Run> runs = LayoutChecks.run(model);
				verdicts = runs.stream().filter(r -> r.result() != null).mapToInt(r -> r.result().verdicts().size())
						.sum();
				issues.addAll(LayoutChecks.failures(runs));
			}
		} catch (IOException e) {
			throw new IllegalStateException("scratch folder", e);
		} catch (Throwable t) {
			crash = t;
		}
		return new Outcome(issues, verdicts, crash, logsSince(mark), System.nanoTime() - start);
	}

	/** Capture.parse and, if it parsed, the replay; problems are what the user sees. */
	Outcome capture(String text) {
		long start = System.nanoTime();
		int mark = mark();
		Throwable crash = null;
		int problems = 0;
		try {
			Parsed<Capture> parsed = Capture.parse(text);
			problems += parsed.problems().size();
			if (parsed.value() != null) {
				Parsed<Optional<CaptureReplay.Result>> replay = CaptureReplay.replay(parsed.value(), List.of());
				problems += replay.problems().size();
				replay.value().ifPresent(CaptureReplay.Result::summary);
			}
		} catch (Throwable t) {
			crash = t;
		}
		return new Outcome(List.of(), problems, crash, logsSince(mark), System.nanoTime() - start);
	}

	private int mark() {
		synchronized (logged) {
			return logged.size();
		}
	}

	private List<String> logsSince(int mark) {
		synchronized (logged) {
			return List.copyOf(logged.subList(mark, logged.size()));
		}
	}
}
