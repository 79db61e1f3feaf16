package org.pagewright.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line: the same pipeline as the workbench and the Maven build. Exit codes: 0 all held, 1 something
 * failed (a diagnostic, a check, a capture not reproduced, dumps that differ), 2 the command could not run (usage,
 * unreadable input).
 */
@Command(name = "pagewright-cli", mixinStandardHelpOptions = true, version = "Pagewright 0.1.0",
		description = "Checks layout files, shows their page tables, imports and replays real kernels' captures.",
		subcommands = { CheckCommand.class, RunCommand.class, PtdumpCommand.class, DiffCommand.class,
				CompareCommand.class, ImportCommand.class, ReplayCommand.class, CommandLine.HelpCommand.class })
public class PagewrightCommand {

	static final int FAILED = 1;
	static final int CANNOT_RUN = 2;

	public static void main(String[] args) {
		System.exit(commandLine().execute(args));
	}

	/**
	 * The command line with Pagewright's exit codes: usage errors and unusable input are one line on stderr and 2, a
 * layout that does not validate or run is 1 after its diagnostics;
	 * an unexpected exception is one line too (set PAGEWRIGHT_DEBUG=1 for its stack trace).
	 */
	public static CommandLine commandLine() {
		CommandLine cli = new CommandLine(new PagewrightCommand());
		cli.setExitCodeExceptionMapper(e -> CANNOT_RUN);
		cli.setParameterExceptionHandler((e, args) -> {
			e.getCommandLine().getErr().println("pagewright-cli: " + e.getMessage());
			e.getCommandLine().getErr().println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName()
					+ " --help' for more information.");
			return CANNOT_RUN;
		});
		cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
			if (e instanceof LayoutRuns.NotRunnable) {
				return FAILED; // the file's diagnostics are printed already
			}
			if (e instanceof InputException) {
				commandLine.getErr().println("pagewright-cli: " + e.getMessage());
			} else {
				commandLine.getErr().println("pagewright-cli: internal error: " + e);
				if (System.getenv("PAGEWRIGHT_DEBUG") != null) {
					e.printStackTrace(commandLine.getErr());
				}
			}
			return CANNOT_RUN;
		});
		return cli;
	}
}
