package io.forewarn.bench;

import io.forewarn.Crocus;
import io.forewarn.language.Language;
import io.forewarn.policy.Audience;
import io.forewarn.sanitize.Draft;
import io.forewarn.sanitize.LeakCheck;
import io.forewarn.sanitize.LeakVerdict;
import io.forewarn.sanitize.Sanitizer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The leak check of one warning's text against the protected material of the report it comes from (Crocus R1: its
 * sources, methods and terms), in microseconds per text. The texts are those the sanitizer drafts for the public of
 * Moscow, so they are what every draft, issue, renewal and replay checks.
 * <ul>
 *   <li>{@code asciiText}: the English text, all ASCII, which the folding passes by ICU's transliterator.</li>
 *   <li>{@code textWithOneDash}: the same text with one en dash in its dates, as an analyst's edit would have it: a
 *       single character beyond ASCII sends the whole text through the transliterator.</li>
 *   <li>{@code russianText}: the Russian text of the same draft, Cyrillic throughout.</li>
 *   <li>{@code baselineLowerCaseWords}: the baseline, the English text lower-cased and split into words: the least any
 *       comparison of words has to do.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LeakCheckBenchmark {

    private LeakCheck check;
    private String english;
    private String withADash;
    private String russian;

    @Setup(Level.Trial)
    public void draft() {
        Audience publicAudience = new Audience("public");
        Draft draft = new Sanitizer(Crocus.MOSCOW).draft(Crocus.R1, publicAudience,
                Crocus.POLICY.ceiling(publicAudience).orElseThrow(), Map.of(), Map.of(), Crocus.POLICY.advice(),
                List.of(Language.of("ru")));
        check = LeakCheck.forReport(Crocus.R1);
        english = draft.text();
        withADash = english.replaceFirst("(\\d{4}) to ", "$1 \u2013 ");
        russian = draft.texts().get(Language.of("ru"));
        if (withADash.equals(english) || russian == null || check.check(english).isBlocked()
                || check.check(withADash).isBlocked() || check.check(russian).isBlocked()) {
            throw new IllegalStateException("the benchmark's texts are not the clean drafts it expects: " + english);
        }
    }

    @Benchmark
    public LeakVerdict asciiText() {
        return check.check(english);
    }

    @Benchmark
    public LeakVerdict textWithOneDash() {
        return check.check(withADash);
    }

    @Benchmark
    public LeakVerdict russianText() {
        return check.check(russian);
    }

    @Benchmark
    public String[] baselineLowerCaseWords() {
        return english.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
    }
}
