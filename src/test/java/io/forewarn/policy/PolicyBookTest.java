package io.forewarn.policy;

import io.forewarn.web.Reports;
import io.forewarn.policy.PolicyFile;
import io.forewarn.policy.PolicyVersions;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PolicyBookTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);

    /** Versions in memory, refusing what the database refuses. */
    static final class Versions implements PolicyVersions {
        final List<Stored> stored = new ArrayList<>();

        @Override
        public List<Stored> all() {
            return List.copyOf(stored);
        }

        @Override
        public void add(Stored version) {
            if (latest().filter(last -> last.version() >= version.version()).isPresent()) {
                throw new IllegalStateException("versions only grow");
            }
            stored.add(version);
        }
    }

    /** Versions another node writes to first: this node's insert is refused, as the database's key refuses it. */
    static final class Raced implements PolicyVersions {
        final List<Stored> stored = new ArrayList<>();
        private final Stored byTheOtherNode;

        Raced(Stored byTheOtherNode) {
            this.byTheOtherNode = byTheOtherNode;
        }

        @Override
        public List<Stored> all() {
            return List.copyOf(stored);
        }

        @Override
        public void add(Stored version) {
            stored.add(byTheOtherNode);
            throw new IllegalStateException("duplicate key value violates unique constraint \"policy_version_pk\"");
        }
    }

    @Test
    void anEmptyDatabaseGetsTheDefaultPolicyStoredAsItsFirstVersion() {
        Versions versions = new Versions();

        PolicyBook book = new PolicyBook(versions, CLOCK, Optional.empty());

        assertThat(book.active().version()).isEqualTo(3);
        assertThat(versions.stored).singleElement().satisfies(v -> assertThat(v.source()).isEqualTo(PolicyFile.defaultSource()));
    }

    @Test
    void aRestartKeepsTheStoredPolicyInForce() {
        Versions versions = new Versions();
        new PolicyBook(versions, CLOCK, Optional.empty()).upload(Reports.policyVersion(4));

        PolicyBook restarted = new PolicyBook(versions, CLOCK, Optional.empty());

        assertThat(restarted.active().version()).isEqualTo(4);
        assertThat(versions.stored).extracting(PolicyVersions.Stored::version).containsExactly(3, 4);
    }

    @Test
    void anUploadMustBeNumberedAboveTheVersionInForce() {
        PolicyBook book = new PolicyBook(new Versions(), CLOCK, Optional.empty());

        assertThatThrownBy(() -> book.upload(Reports.policyVersion(3)))
                .hasMessage("the uploaded policy is v3; it must be numbered above v3, the version in force");
        assertThat(book.active().version()).isEqualTo(3);
    }

    @Test
    void oneVersionNumberNeverMeansTwoSetsOfRules() {
        Versions versions = new Versions();
        new PolicyBook(versions, CLOCK, Optional.empty());
        String changedButSameNumber = PolicyFile.defaultSource().replace("PT4H", "PT2H");

        assertThatThrownBy(() -> new PolicyBook(versions, CLOCK, Optional.of(changedButSameNumber)))
                .hasMessage("a different policy v3 is already stored; number the changed policy above it");
    }

    @Test
    void theSameRulesWrittenOtherwiseAreTheSameVersion() {
        Versions versions = new Versions();
        String storedBeforeTheLeadTime = PolicyFile.defaultSource().replace(", lead-time: PT24H}", "}");
        new PolicyBook(versions, CLOCK, Optional.of(storedBeforeTheLeadTime));

        PolicyBook restarted = new PolicyBook(versions, CLOCK, Optional.of(PolicyFile.defaultSource()));

        assertThat(storedBeforeTheLeadTime).isNotEqualTo(PolicyFile.defaultSource());
        assertThat(restarted.active()).isEqualTo(PolicyFile.defaultPolicy());
        assertThat(versions.stored).singleElement()
                .satisfies(v -> assertThat(v.source()).isEqualTo(storedBeforeTheLeadTime));
    }

    /** Two nodes starting together: both find v3 new, the other stores it first, and this one's insert is refused. */
    @Test
    void aNodeWhoseFirstVersionAnotherStoredMeanwhileStartsWithIt() {
        Raced storedByTheOtherNode = new Raced(new PolicyVersions.Stored(3, PolicyFile.defaultSource(), CLOCK.instant()));

        PolicyBook book = new PolicyBook(storedByTheOtherNode, CLOCK, Optional.empty());

        assertThat(book.active().version()).isEqualTo(3);
        assertThat(storedByTheOtherNode.stored).hasSize(1);
    }

    @Test
    void anotherVersionStoredMeanwhileStillStopsTheStart() {
        Raced storedByTheOtherNode = new Raced(new PolicyVersions.Stored(4, Reports.policyVersion(4), CLOCK.instant()));

        assertThatThrownBy(() -> new PolicyBook(storedByTheOtherNode, CLOCK, Optional.of(Reports.policyVersion(3))))
                .hasMessageContaining("duplicate key");
    }

    @Test
    void aLowerVersionThanTheStoredOneIsRefusedAtStart() {
        Versions versions = new Versions();
        new PolicyBook(versions, CLOCK, Optional.of(Reports.policyVersion(5)));

        assertThatThrownBy(() -> new PolicyBook(versions, CLOCK, Optional.of(Reports.policyVersion(4))))
                .hasMessageContaining("v5 is already in force");
    }
}
