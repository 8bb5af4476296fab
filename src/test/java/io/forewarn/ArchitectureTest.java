package io.forewarn;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package rules of the README's "Code layout", held by the build: the feature packages depend on one
 * another in one direction only, and the domain is plain Java, so it can be read, tested and replayed
 * without a server, a database or a JSON library.
 */
@AnalyzeClasses(packages = "io.forewarn", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /**
     * The packages that hold the duty itself: the JDK and libraries of their own trade (JTS, ICU) only. The
     * party import ({@code party.bulk}) reads JSON and CSV files, so it is an edge, like {@code yaml}.
     */
    private static final String[] DOMAIN = {"io.forewarn.code..", "io.forewarn.language..", "io.forewarn.report..", "io.forewarn.place..", "io.forewarn.gazetteer..",
            "io.forewarn.policy..", "io.forewarn.party", "io.forewarn.sanitize..", "io.forewarn.obligation..",
            "io.forewarn.incident..", "io.forewarn.review..", "io.forewarn.dissemination.."};

    /** The ledger's core: hashing, proofs, signing, export. It reads and writes JSON (Jackson), nothing more. */
    private static final String LEDGER_CORE = "io.forewarn.ledger";

    @ArchTest
    static final ArchRule featurePackagesHaveNoCycles = slices().matching("io.forewarn.(*)..")
            .as("feature packages")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule theDomainImportsNoFramework = noClasses().that().resideInAnyPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..",
                    "jakarta.servlet..", "com.fasterxml.jackson..", "tools.jackson..", "com.zaxxer..", "org.flywaydb..",
                    "io.micrometer..", "org.slf4j..")
            .as("the domain packages (" + String.join(", ", DOMAIN) + ") import no framework, JDBC, servlet or Jackson");

    @ArchTest
    static final ArchRule theLedgerCoreImportsNoFramework = noClasses().that().resideInAPackage(LEDGER_CORE)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..",
                    "jakarta.servlet..", "com.zaxxer..", "org.flywaydb..")
            .as("the ledger's core imports no framework, JDBC or servlet");

    @ArchTest
    static final ArchRule theDomainDoesNotReachOutward = noClasses().that().resideInAnyPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage("io.forewarn.web..", "io.forewarn.server..",
                    "io.forewarn.store..", "io.forewarn.cli..", "io.forewarn.scenario..", "io.forewarn.ledger.server..",
                    "io.forewarn.json..")
            .as("the domain packages depend on nothing that runs them");
}
