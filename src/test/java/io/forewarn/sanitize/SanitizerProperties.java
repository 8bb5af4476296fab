package io.forewarn.sanitize;

import io.forewarn.policy.ReleaseCeiling;
import io.forewarn.policy.Audience;
import io.forewarn.policy.Policy;
import io.forewarn.policy.PolicyFile;
import io.forewarn.report.Facet;
import io.forewarn.report.ThreatReport;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.time.ZoneId;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

/**
 * Whatever a report's statements say, no draft the sanitizer writes for any audience lets a
 * protected term through, however the report disguises it: the facet that carries it steps down
 * its ladder until its wording is clean.
 */
class SanitizerProperties {

    private static final Policy POLICY = PolicyFile.defaultPolicy();
    private static final Sanitizer SANITIZER = new Sanitizer(ZoneId.of("Europe/Moscow"));

    /**
     * Attempts to draw a term with two vowels, per example. QuickTheories gives up on the whole run
     * when one example exhausts them, and a short word misses two vowels more often than not.
     */
    private static final int TERM_ATTEMPTS = 100;

    @Test
    void noDraftLetsAProtectedTermThrough() {
        qt().withExamples(300).withGenerateAttempts(TERM_ATTEMPTS).forAll(ProtectedReports.terms(), disguises(), ProtectedReports.placements())
                .checkAssert((term, disguise, placement) -> {
                    String disguised = disguise.apply(term);
                    ThreatReport report = ProtectedReports.report(term, disguised, placement);
                    LeakCheck leakCheck = LeakCheck.forReport(report);

                    for (Audience audience : POLICY.audiences().keySet()) {
                        Draft draft = SANITIZER.draft(report, audience, POLICY.ceiling(audience).orElseThrow());

                        assertThat(leakCheck.check(draft.text()).isBlocked())
                                .as("draft for %s: %s (term %s disguised as %s)", audience, draft.text(), term, disguised)
                                .isFalse();
                        assertThat(draft.text().toLowerCase(Locale.ROOT)).doesNotContain(term.toLowerCase(Locale.ROOT));
                        for (Facet facet : draft.gaps()) {
                            assertThat(draft.justifications()).as("gap in %s", facet).containsKey(facet);
                        }
                    }
                });
    }

    @Test
    void aCleanReportIsDraftedAtTheEffectiveCeiling() {
        qt().withExamples(100).withGenerateAttempts(TERM_ATTEMPTS).forAll(ProtectedReports.terms()).checkAssert(term -> {
            ThreatReport report = ProtectedReports.report(term, "unrelated", ProtectedReports.Placement.NOWHERE);
            for (Audience audience : POLICY.audiences().keySet()) {
                ReleaseCeiling ceiling = POLICY.ceiling(audience).orElseThrow();
                Draft draft = SANITIZER.draft(report, audience, ceiling);

                assertThat(draft.released()).isEqualTo(ceiling.effectiveFor(report).levels());
                assertThat(draft.isApprovable()).isTrue();
            }
        });
    }

    private static Gen<Disguise> disguises() {
        return Disguise.any();
    }

}
