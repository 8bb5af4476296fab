package io.forewarn.policy;

import io.forewarn.policy.Policy;
import io.forewarn.policy.PolicyFile;
import io.forewarn.policy.PolicyVersions;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The active policy and its history. At start the server activates, in this order: a policy file it
 * was given, else the latest stored version, else the built-in default; whatever it activates is
 * stored if it is new. An uploaded version must be valid and numbered above every stored one.
 */
public final class PolicyBook {

    private final PolicyVersions versions;
    private final Clock clock;
    private final AtomicReference<Policy> active = new AtomicReference<>();

    public PolicyBook(PolicyVersions versions, Clock clock, Optional<String> startWith) {
        this.versions = versions;
        this.clock = clock;
        String source = startWith.or(() -> versions.latest().map(PolicyVersions.Stored::source))
                .orElseGet(PolicyFile::defaultSource);
        Policy policy = PolicyFile.parse("policy", source);
        Optional<PolicyVersions.Stored> latest = versions.latest();
        if (latest.isEmpty() || latest.get().version() < policy.version()) {
            storeNew(policy, source);
        } else if (latest.get().version() > policy.version()) {
            throw new IllegalStateException("the policy given is v" + policy.version() + " but v"
                    + latest.get().version() + " is already in force; give a higher version");
        } else if (!sameRules(latest.get(), policy)) {
            throw new IllegalStateException("a different policy v" + policy.version()
                    + " is already stored; number the changed policy above it");
        }
        active.set(policy);
    }

    /**
     * Stores the policy a node starts with as a new version. Nodes starting together on one database may all find it
     * new; the first stores it, and a later one whose insert is then refused starts with what was stored, provided
     * it is the same policy (the same rule as for a restart).
     */
    private void storeNew(Policy policy, String source) {
        try {
            versions.add(new PolicyVersions.Stored(policy.version(), source, clock.instant()));
        } catch (RuntimeException refused) {
            Optional<PolicyVersions.Stored> stored = versions.latest();
            boolean sameStoredMeanwhile = stored.isPresent() && stored.get().version() == policy.version()
                    && sameRules(stored.get(), policy);
            if (!sameStoredMeanwhile) {
                throw refused;
            }
        }
    }

    /**
     * Whether a stored version holds the same rules as {@code policy}. Decisions record the version number: one number
     * must always mean one set of rules. The same rules written otherwise (a comment, a setting now written out at its
     * default) are the same policy.
     */
    private static boolean sameRules(PolicyVersions.Stored stored, Policy policy) {
        return PolicyFile.parse("stored policy", stored.source()).equals(policy);
    }

    public Policy active() {
        return active.get();
    }

    public List<PolicyVersions.Stored> versions() {
        return versions.all();
    }

    /** Validates and activates a new version; the old ones are kept. */
    public synchronized Policy upload(String source) {
        Policy policy = PolicyFile.parse("uploaded policy", source);
        int current = active.get().version();
        if (policy.version() <= current) {
            throw new IllegalStateException("the uploaded policy is v" + policy.version() + "; it must be numbered above v"
                    + current + ", the version in force");
        }
        versions.add(new PolicyVersions.Stored(policy.version(), source, clock.instant()));
        active.set(policy);
        return policy;
    }
}
