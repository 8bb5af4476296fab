package io.forewarn.cli;

import io.forewarn.policy.Policy;
import io.forewarn.policy.PolicyFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;

/** {@code forewarn policy check FILE}. */
@Command(name = "policy", mixinStandardHelpOptions = true,
        description = "Work with duty-to-warn policy files.",
        subcommands = PolicyCommand.Check.class)
final class PolicyCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Validate a policy file and summarise it; errors name file, line and column.")
    static final class Check implements Runnable {

        @Parameters(paramLabel = "FILE", description = "The policy YAML file.")
        Path file;

        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            Policy policy = PolicyFile.load(file);
            PrintWriter out = spec.commandLine().getOut();
            out.println(file + ": policy v" + policy.version() + " is valid");
            out.println("  harms:       " + String.join(", ", policy.harms().stream().map(h -> h.code()).toList()));
            out.println("  credibility: at least " + policy.minCredibility());
            out.println("  deadlines:   imminent " + words(policy.deadlines().imminent()) + ", default "
                    + words(policy.deadlines().standard()) + " (imminent when the threat starts within "
                    + words(policy.deadlines().imminentWithin()) + "), "
                    + (policy.deadlines().leadTime().isZero() ? "by the time"
                    : "no later than " + words(policy.deadlines().leadTime()) + " before") + " the threat window opens");
            out.println("  audiences:   " + String.join(", ", policy.audiences().keySet().stream().map(Object::toString).toList()));
            out.println("  validity:    " + words(policy.validity()) + ", renewal " + words(policy.renewBeforeExpiry())
                    + " before expiry");
            out.println("  escalation:  " + String.join(" -> ", policy.escalation().stream().map(r -> r.code()).toList()));
            policy.waivers().values().forEach(rule -> out.println("  waiver:      " + rule.reason().code() + " approved by "
                    + rule.approver().code() + (rule.requiresAlternative() ? ", alternative required" : "")));
            out.flush();
        }

        /** A duration as a person says it: "7 days", "4 hours", "90 minutes". */
        static String words(Duration duration) {
            long minutes = duration.toMinutes();
            if (minutes % (24 * 60) == 0) {
                return plural(minutes / (24 * 60), "day");
            }
            if (minutes % 60 == 0) {
                return plural(minutes / 60, "hour");
            }
            return plural(minutes, "minute");
        }

        private static String plural(long count, String unit) {
            return count + " " + unit + (count == 1 ? "" : "s");
        }
    }
}
