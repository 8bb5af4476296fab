package io.forewarn.cli;

import io.forewarn.policy.Policy;
import io.forewarn.policy.PolicyFile;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The {@code --policy FILE} option shared by the commands that replay scenarios. */
final class PolicyOption {

    @Option(names = "--policy", paramLabel = "FILE",
            description = "Policy file to decide under (default: the built-in default policy).")
    Path file;

    Policy load() {
        return file == null ? PolicyFile.defaultPolicy() : PolicyFile.load(file);
    }
}
