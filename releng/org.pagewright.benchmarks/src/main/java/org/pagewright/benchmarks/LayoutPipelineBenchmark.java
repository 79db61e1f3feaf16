package org.pagewright.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.pagewright.config.Configuration;
import org.pagewright.config.run.ConfigurationRunner;
import org.pagewright.config.run.RunResult;
import org.pagewright.lang.LayoutStandaloneSetup;
import org.pagewright.lang.compiler.LayoutCompiler;
import org.pagewright.lang.generator.LayoutChecks;
import org.pagewright.lang.layout.Model;

import com.google.inject.Injector;

/**
 * What a save costs (issue 8: save to failed-check markers <= 100 ms): each example file parsed with its imports in
 * a fresh resource set, validated, compiled and run, as the command line and the workbench judge a file
 * (LayoutChecks); and the run alone on the compiled configurations. Run from the repository root, or give the
 * examples folder with -Dpagewright.examples=DIR (passed to the fork with -jvmArgsAppend).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class LayoutPipelineBenchmark {

    @Param({"review-v4-13/data-bss-v4.layout", "review-v4-13/v7.1-rc1.layout", "review-v4-13/step-outcomes.layout",
            "review-v4-13/rodata-cost.layout", "granules/data-bss-16k.layout",
            "granules/data-bss-64k.layout", "granules/v7.1-rc1-64k.layout", "qemu-virt/boot-6.1.192.layout",
            "qemu-virt/boot-6.12.117.layout", "qemu-virt/boot-7.3.4.layout", "qemu-virt/debian-6.1.192.layout",
            "qemu-virt/debian-6.12.117.layout", "qemu-virt/debian-7.3.4.layout"})
    public String file;

    private Injector injector;
    private IResourceValidator validator;
    private URI uri;
    private List<Configuration> configurations;

    @Setup(Level.Trial)
    public void setUp() {
        injector = new LayoutStandaloneSetup().createInjectorAndDoEMFRegistration();
        validator = injector.getInstance(IResourceValidator.class);
        Path path = Path.of(System.getProperty("pagewright.examples", "examples")).resolve(file).toAbsolutePath();
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException(path + " not found: run from the repository root or set -Dpagewright.examples");
        }
        uri = URI.createFileURI(path.normalize().toString());
        Model model = parseAndValidate();
        configurations = new ArrayList<>();
        for (LayoutCompiler.Compilation c : LayoutCompiler.compile(model)) {
            if (!c.ok()) {
                throw new IllegalStateException(file + ": " + c.problems());
            }
            configurations.add(c.configuration());
        }
    }

    /** Parse (with imports) + validate + compile + run + judge: the work of one save. */
    @Benchmark
    public List<LayoutChecks.Run> pipeline() {
        return LayoutChecks.run(parseAndValidate());
    }

    /** The engine's part alone: every compiled series and policy of the file run through ConfigurationRunner. */
    @Benchmark
    public List<RunResult> runAlone() {
        List<RunResult> results = new ArrayList<>(configurations.size());
        for (Configuration c : configurations) {
            results.add(ConfigurationRunner.run(c));
        }
        return results;
    }

    private Model parseAndValidate() {
        XtextResourceSet resources = injector.getInstance(XtextResourceSet.class);
        Resource resource = resources.getResource(uri, true);
        List<Issue> issues = validator.validate(resource, CheckMode.ALL, CancelIndicator.NullImpl);
        List<Issue> errors = issues.stream().filter(i -> i.getSeverity() == Severity.ERROR).toList();
        if (!errors.isEmpty()) {
            throw new IllegalStateException(file + " does not validate: " + errors.get(0));
        }
        return (Model) resource.getContents().get(0);
    }
}
