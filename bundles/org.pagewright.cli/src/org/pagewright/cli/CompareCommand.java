package org.pagewright.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.pagewright.arm64.capture.Capture;
import org.pagewright.arm64.capture.KernelPageTablesText;
import org.pagewright.arm64.capture.Parsed;
import org.pagewright.arm64.capture.Section;
import org.pagewright.arm64.layout.RunTimeAreas;
import org.pagewright.config.run.StateView;
import org.pagewright.lang.generator.LayoutChecks;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** A real kernel's kernel_page_tables against a layout state, section by section. */
@Command(name = "compare", mixinStandardHelpOptions = true,
		description = { "Compare a real kernel_page_tables with a layout's state, section by section.",
				"REAL is a .kpt.txt or a capture log. Per section: the share of lines and of mapped bytes that "
						+ "agree, and the differing lines." },
		exitCodeListHeading = "Exit codes:%n",
		exitCodeList = { "0:every compared line agrees", "1:some differ, or the layout does not validate",
				"2:an input cannot be used" })
class CompareCommand extends Subcommand {

	@Parameters(index = "0", paramLabel = "REAL", description = "the real dump: REAL.kpt.txt or a capture log")
	private Path real;

	@Parameters(index = "1", paramLabel = "FILE", description = "a .layout file")
	private Path file;

	@Mixin
	private StateOptions state;

	@Mixin
	private AfterPatch after;

	@Option(names = "--section", paramLabel = "NAME", description = "compare only sections whose marker starts "
			+ "with NAME (case-insensitive, repeatable), e.g. --section 'Linear Mapping'")
	private List<String> sections = List.of();

	@Option(names = "--include-runtime", description = "compare the Modules and vmalloc content outside the kernel "
			+ "image too (run-time allocations no layout simulates; by default those lines are counted, not compared)")
	private boolean includeRunTime;

	@Mixin
	private OutputFormat format;

	@Override
	public Integer call() throws InputException, LayoutRuns.NotRunnable {
		KernelPageTablesText realDump = realDump();
		LayoutChecks.Run run = LayoutRuns.of(file, err()).chosen(state, err());
		StateView view = state.state(run, after.patch);
		RunTimeAreas runTime = includeRunTime ? RunTimeAreas.none() : view.runTime();
		List<DumpSections.Section> compared = DumpSections.compare(realDump, view.ptdumpRows(), sections, runTime);
		if (compared.isEmpty()) {
			throw new InputException(real + ": no section " + (sections.isEmpty() ? "" : "matching " + sections)
					+ " to compare");
		}
		boolean agree = compared.stream().allMatch(DumpSections.Section::agrees);
		PrintWriter out = out();
		if (format.json()) {
			out.println(OutputFormat.toJson(json(view, compared, agree)));
		} else {
			out.println("compare " + real + " with " + view.label() + ":");
			for (DumpSections.Section s : compared) {
				out.printf("%s: lines %d/%d (%s), mapped bytes %s/%s (%s)%n", s.marker(), s.lines().matched(),
						s.lines().total(), percent(s.lines().share()), DumpSections.size(s.agreeingBytes()),
						DumpSections.size(s.mappedBytes()), percent(s.byteShare()));
				if (s.runTimeLines() > 0) {
					out.printf("  %d line(s) of run-time content (modules, vmalloc) not compared%n", s.runTimeLines());
				}
				s.lines().missing().forEach(l -> out.println("  - " + l));
				s.lines().unexpected().forEach(l -> out.println("  + " + l));
			}
			long agreeing = compared.stream().filter(DumpSections.Section::agrees).count();
			out.printf("%d of %d section(s) agree line for line (- real only, + simulated only)%n", agreeing,
					compared.size());
		}
		out.flush();
		return agree ? 0 : PagewrightCommand.FAILED;
	}

	/** A share as a percentage rounded down, so that only a full agreement reads 100.0%. */
	static String percent(double share) {
		return String.format("%.1f%%", Math.floor(share * 1000 + 1e-9) / 10);
	}

	/** The kernel_page_tables section of a capture log, or the whole file when it is a dump by itself. */
	private KernelPageTablesText realDump() throws InputException {
		if (!Files.isRegularFile(real)) {
			throw new InputException(real + (Files.isDirectory(real) ? ": is a directory" : ": no such file"));
		}
		String text;
		try {
			text = Files.readString(real, StandardCharsets.ISO_8859_1);
		} catch (IOException e) {
			throw new InputException(real + ": cannot be read: " + e.getMessage());
		}
		Optional<KernelPageTablesText> inLog = text.contains("===== BEGIN kernel_page_tables =====")
				? Capture.parse(text).value().kernelPageTables() : Optional.empty();
		if (inLog.isPresent()) {
			return inLog.get();
		}
		Parsed<KernelPageTablesText> parsed = KernelPageTablesText.parse(Section.of(real.toString(), text));
		if (!parsed.problems().isEmpty()) {
			throw new InputException(real + ":" + parsed.problems().get(0).line() + ": not a kernel_page_tables "
					+ "dump: " + parsed.problems().get(0).reason());
		}
		if (parsed.value().rangeLines().isEmpty()) {
			throw new InputException(real + ": not a kernel_page_tables dump (no range lines)");
		}
		return parsed.value();
	}

	private JsonObject json(StateView view, List<DumpSections.Section> compared, boolean agree) {
		JsonObject root = new JsonObject();
		root.addProperty("real", real.toString());
		root.add("state", Json.state(file, view));
		root.addProperty("agree", agree);
		JsonArray sections = new JsonArray();
		for (DumpSections.Section s : compared) {
			JsonObject o = new JsonObject();
			o.addProperty("section", s.marker());
			o.addProperty("lines", s.lines().total());
			o.addProperty("matchedLines", s.lines().matched());
			o.addProperty("lineShare", s.lines().share());
			o.addProperty("mappedBytes", s.mappedBytes());
			o.addProperty("agreeingBytes", s.agreeingBytes());
			o.addProperty("byteShare", s.byteShare());
			o.addProperty("runTimeLines", s.runTimeLines());
			JsonArray missing = new JsonArray();
			s.lines().missing().forEach(missing::add);
			o.add("realOnly", missing);
			JsonArray unexpected = new JsonArray();
			s.lines().unexpected().forEach(unexpected::add);
			o.add("simulatedOnly", unexpected);
			sections.add(o);
		}
		root.add("sections", sections);
		return root;
	}
}
