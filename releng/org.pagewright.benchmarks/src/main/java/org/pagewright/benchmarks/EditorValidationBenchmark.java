package org.pagewright.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.resource.XtextResource;
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
import org.pagewright.lang.LayoutStandaloneSetup;

import com.google.inject.Injector;

/**
 * What the editor does after the user pauses typing (issue 8: typing → markers ≤ 50 ms on a 5,000-line file): the
 * document's text parsed into a fresh resource, linked and validated — no run. The file is generated: an image of
 * many symbols, a policy of many labelled steps and a series whose patches edit them, and checks on the symbols.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class EditorValidationBenchmark {

    @Param({"5000"})
    public int lines;

    private Injector injector;
    private IResourceValidator validator;
    private byte[] text;

    @Setup(Level.Trial)
    public void setUp() {
        injector = new LayoutStandaloneSetup().createInjectorAndDoEMFRegistration();
        validator = injector.getInstance(IResourceValidator.class);
        text = generated(lines).getBytes(StandardCharsets.UTF_8);
        List<Issue> errors = validate().stream().filter(i -> i.getSeverity() == Severity.ERROR).toList();
        if (!errors.isEmpty()) {
            throw new IllegalStateException("the generated layout does not validate: " + errors.get(0));
        }
    }

    /** Parse + link + validate, as the reconciler after a keystroke pause. */
    @Benchmark
    public List<Issue> validate() {
        XtextResourceSet resources = injector.getInstance(XtextResourceSet.class);
        Resource resource = resources.createResource(URI.createURI("memory:/typing.layout"));
        try {
            resource.load(new ByteArrayInputStream(text), Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return validator.validate(resource, CheckMode.ALL, CancelIndicator.NullImpl);
    }

    private XtextResource edited;
    private int literalOffset;
    private boolean toggled;

    @Setup(Level.Trial)
    public void setUpEditedResource() throws IOException {
        edited = (XtextResource) injector.getInstance(XtextResourceSet.class)
                .createResource(URI.createURI("memory:/edited.layout"));
        edited.load(new ByteArrayInputStream(text), Map.of());
        String content = new String(text, StandardCharsets.UTF_8);
        literalOffset = content.indexOf("size 4K", content.indexOf("symbol s" + lines / 6 + " ")) + "size ".length();
    }

    /**
     * One keystroke in the middle of the file (a symbol's size 4K becomes 8K, the next time back), applied to the
     * resource the editor keeps (Xtext's partial parse of the edited region), then link and validate.
     */
    @Benchmark
    public List<Issue> typeOneCharacter() {
        toggled = !toggled;
        edited.update(literalOffset, 1, toggled ? "8" : "4");
        return validator.validate(edited, CheckMode.ALL, CancelIndicator.NullImpl);
    }

    /** A third each of symbols, steps (half in the policy, half inserted by patches) and checks: about n lines. */
    static String generated(int n) {
        int third = n / 3;
        StringBuilder b = new StringBuilder("""
                platform p {
                  arch arm64
                  granule 4K
                  va_bits 48
                  kernel 7.0.1
                  cmdline rodata=on
                  dram ram at 0x4000_0000 size 1G
                }

                image k {
                  load phys 0x4020_0000 virt 0xffff_8000_8000_0000
                  symbol _text = 0xffff800080000000
                """);
        for (int i = 0; i < third; i++) {
            b.append("  symbol s").append(i).append(" = _text + ").append(i * 4).append("K size 4K\n");
        }
        b.append("}\n\npolicy pol on p with k {\n  boot {\n");
        for (int i = 0; i < third / 2; i++) {
            b.append("    m").append(i).append(": map lm_alias[s").append(i).append(", +4K) PAGE_KERNEL\n");
        }
        b.append("  }\n}\n\nseries ser on pol {\n  patch 1 \"edits\" {\n");
        for (int i = 0; i < third / 2; i++) {
            b.append("    after m").append(i).append(": v").append(i).append(": set_memory_valid lm_alias[s")
                    .append(i).append(", +4K) invalid\n");
        }
        b.append("  }\n}\n\nchecks c on ser after 1 {\n");
        for (int i = 0; i < third; i++) {
            b.append("  read lm_alias(s").append(i).append(") expect fault level 3 translation\n");
        }
        return b.append("}\n").toString();
    }
}
